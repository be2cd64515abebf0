import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error.ts';
import { type StratumConfig, type StratumConfigInput, stratumConfigSchema } from './schema.ts';

/**
 * Validates a configuration and returns it with defaults applied.
 * Every problem is reported in one {@link ConfigError}.
 *
 * @example
 * ```ts
 * // stratum.config.ts
 * import { defineConfig } from '@stratum/config';
 * export default defineConfig({ project: 'acme', ... });
 * ```
 */
export function defineConfig(input: StratumConfigInput): StratumConfig {
  const parsed = stratumConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map(toConfigIssue), { cause: parsed.error });
  }
  const crossFieldIssues = checkReferences(parsed.data);
  if (crossFieldIssues.length > 0) {
    throw new ConfigError(crossFieldIssues);
  }
  return parsed.data;
}

function toConfigIssue(issue: z.core.$ZodIssue): ConfigIssue {
  return { path: issue.path.map(String).join('.'), message: issue.message };
}

/** Checks that zod cannot express field by field: references between sections and uniqueness. */
function checkReferences(config: StratumConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const accountNames = Object.keys(config.accounts);
  const knownAccounts = `one of: ${accountNames.join(', ')}`;

  for (const [stageName, stage] of Object.entries(config.stages)) {
    if ('account' in stage && !(stage.account in config.accounts)) {
      issues.push({
        path: `stages.${stageName}.account`,
        message: `"${stage.account}" is not an entry in \`accounts\`; expected ${knownAccounts}`,
      });
    }
  }
  if (config.stages.prod.deletionProtection !== true) {
    issues.push({
      path: 'stages.prod.deletionProtection',
      message: 'production must keep deletion protection on (expected true)',
    });
  }
  if (config.stages.prod.removalPolicy === 'destroy') {
    issues.push({
      path: 'stages.prod.removalPolicy',
      message: 'production must not destroy data on stack deletion (expected "retain" or "snapshot")',
    });
  }

  const seenTenants = new Set<string>();
  config.tenants.forEach((tenant, index) => {
    if (seenTenants.has(tenant.tenant)) {
      issues.push({ path: `tenants.${index}.tenant`, message: `tenant "${tenant.tenant}" is listed twice` });
    }
    seenTenants.add(tenant.tenant);
    if (!(tenant.account in config.accounts)) {
      issues.push({
        path: `tenants.${index}.account`,
        message: `"${tenant.account}" is not an entry in \`accounts\`; expected ${knownAccounts}`,
      });
    }
    if (tenant.overrides?.deletionProtection === false) {
      issues.push({
        path: `tenants.${index}.overrides.deletionProtection`,
        message: 'a production tenant must keep deletion protection on',
      });
    }
  });

  const byId = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const [name, account] of Object.entries(config.accounts)) {
    const sameId = byId.get(account.id);
    if (sameId) {
      issues.push({ path: `accounts.${name}.id`, message: `id ${account.id} is also used by "${sameId}"` });
    }
    byId.set(account.id, name);
    const sameEmail = byEmail.get(account.email);
    if (sameEmail) {
      issues.push({
        path: `accounts.${name}.email`,
        message: `${account.email} is also used by "${sameEmail}"; AWS needs one root e-mail per account`,
      });
    }
    byEmail.set(account.email, name);
  }
  return issues;
}
