import { describe, expect, it } from 'vitest';
import config from '../../../stratum.config.ts';
import { LOCAL_ACCOUNT_ID, resolveStages } from '../src/index.ts';

describe('resolveStages', () => {
  it('expands the configuration into every stage, in deployment order', () => {
    const names = resolveStages(config, { previewNumbers: [42] }).map((stage) => stage.name);
    expect(names).toEqual(['local', 'dev', 'preview-42', 'integration', 'staging', 'prod', 'prod-acme']);
  });

  it('puts the local stage in the sandbox account and others in their configured accounts', () => {
    const stages = Object.fromEntries(resolveStages(config).map((stage) => [stage.name, stage]));
    expect(stages.local?.accountId).toBe(LOCAL_ACCOUNT_ID);
    expect(stages.dev?.accountId).toBe(config.accounts.dev?.id);
    expect(stages['prod-acme']?.accountId).toBe(config.accounts['prod-acme']?.id);
  });

  it('gives a single-tenant stage the production settings plus its overrides', () => {
    const withOverride = {
      ...config,
      tenants: [{ tenant: 'acme', account: 'prod-acme', overrides: { logRetentionDays: 731 as const } }],
    };
    const acme = resolveStages(withOverride).find((stage) => stage.name === 'prod-acme');
    expect(acme?.settings.deletionProtection).toBe(true);
    expect(acme?.settings.logRetentionDays).toBe(731);
    expect(acme?.tenant).toBe('acme');
    expect(acme?.domain).toBe(`acme.${config.domains.root}`);
  });

  it('derives domains: sub-domain per stage, the apex for prod, pr-<n> for previews', () => {
    const stages = Object.fromEntries(resolveStages(config, { previewNumbers: [7] }).map((s) => [s.name, s]));
    expect(stages.prod?.domain).toBe(config.domains.root);
    expect(stages.dev?.domain).toBe(`dev.${config.domains.root}`);
    expect(stages['preview-7']?.domain).toBe(`pr-7.preview.${config.domains.root}`);
  });

  it('rejects a preview number that is not a pull-request number', () => {
    expect(() => resolveStages(config, { previewNumbers: [-1] })).toThrow(/non-negative integer/);
    expect(() => resolveStages(config, { previewNumbers: [1.5] })).toThrow(/non-negative integer/);
  });
});
