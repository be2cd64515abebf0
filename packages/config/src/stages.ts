import type { StageSettings, StratumConfig } from './schema.ts';
import { type ResolvedNotifications, resolveNotifications } from './stage-notifications.ts';

/** The kinds of stage ARCHITECTURE §1 names; `preview` and `prod-tenant` have one stage per PR or tenant. */
export type StageKind = 'local' | 'dev' | 'preview' | 'integration' | 'staging' | 'prod' | 'prod-tenant';

/** A stage ready to be built: its name, where it deploys, and its settings. */
export interface ResolvedStage {
  /** `local`, `dev`, `preview-42`, `integration`, `staging`, `prod` or `prod-<tenant>`. */
  readonly name: string;
  readonly kind: StageKind;
  readonly accountName: string;
  readonly accountId: string;
  readonly region: string;
  /** Tenant of a single-tenant production stage. */
  readonly tenant?: string;
  readonly settings: Omit<StageSettings, 'account' | 'region'>;
  /** Fully qualified domain the stage serves on. */
  readonly domain: string;
  /** E-mail identity and sender, app URL and push application, defaults applied. */
  readonly notifications: ResolvedNotifications;
}

export interface ResolveStagesOptions {
  /** Pull-request numbers to build `preview-<n>` stages for. */
  readonly previewNumbers?: readonly number[];
}

/** The account id the `local` stage uses in the sandbox, like other local AWS emulators. */
export const LOCAL_ACCOUNT_ID = '000000000000';
const LOCAL_ACCOUNT_NAME = 'local';

/**
 * Expands the configuration into the list of stages to synthesize.
 *
 * @example
 * ```ts
 * const stages = resolveStages(config, { previewNumbers: [42] });
 * stages.map((s) => s.name); // ['local', 'dev', 'preview-42', 'integration', 'staging', 'prod', 'prod-acme']
 * ```
 */
export function resolveStages(config: StratumConfig, options: ResolveStagesOptions = {}): ResolvedStage[] {
  const { stages } = config;
  const previews = (options.previewNumbers ?? []).map((n) => {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`preview stage number must be a non-negative integer, got ${n}`);
    }
    return build(config, `preview-${n}`, 'preview', stages.preview, `pr-${n}.${stages.preview.subdomain}`);
  });
  const tenants = config.tenants.map((tenant) =>
    build(
      config,
      `prod-${tenant.tenant}`,
      'prod-tenant',
      {
        ...stages.prod,
        ...tenant.overrides,
        account: tenant.account,
        notifications: { ...stages.prod.notifications, ...tenant.overrides?.notifications },
      },
      tenant.tenant,
      tenant.tenant,
    ),
  );
  return [
    build(config, 'local', 'local', { ...stages.local, account: LOCAL_ACCOUNT_NAME }),
    build(config, 'dev', 'dev', stages.dev),
    ...previews,
    build(config, 'integration', 'integration', stages.integration),
    build(config, 'staging', 'staging', stages.staging),
    build(config, 'prod', 'prod', stages.prod),
    ...tenants,
  ];
}

function build(
  config: StratumConfig,
  name: string,
  kind: StageKind,
  settings: StageSettings,
  subdomain: string = settings.subdomain,
  tenant?: string,
): ResolvedStage {
  const account =
    kind === 'local' ? { id: LOCAL_ACCOUNT_ID } : (config.accounts[settings.account] ?? undefined);
  if (!account) {
    // defineConfig() already rejects this; the guard keeps hand-built configs honest.
    throw new Error(`stage ${name} names account "${settings.account}", which is not in \`accounts\``);
  }
  const { account: _account, region, ...rest } = settings;
  const cleanSub = subdomain.replace(/^\.+|\.+$/g, '');
  const domain = cleanSub ? `${cleanSub}.${config.domains.root}` : config.domains.root;
  return {
    name,
    kind,
    accountName: settings.account,
    accountId: account.id,
    region: region ?? config.homeRegion,
    ...(tenant ? { tenant } : {}),
    settings: rest,
    domain,
    notifications: resolveNotifications(settings.notifications, domain, settingsPath(config, name, kind)),
  };
}

/** Where a stage's settings live in `stratum.config.ts`, for error messages. */
function settingsPath(config: StratumConfig, name: string, kind: StageKind): string {
  if (kind === 'prod-tenant') {
    const index = config.tenants.findIndex((tenant) => `prod-${tenant.tenant}` === name);
    if (config.tenants[index]?.overrides?.notifications) return `tenants.${index}.overrides.notifications`;
    return 'stages.prod.notifications';
  }
  return `stages.${kind}.notifications`;
}
