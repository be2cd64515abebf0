import { z } from 'zod';

/** A 12-digit AWS account id. The example config uses placeholders such as `111111111111`. */
export const accountIdSchema = z
  .string()
  .regex(/^\d{12}$/, 'expected a 12-digit AWS account id, for example "123456789012"');

const regionSchema = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'expected an AWS region name, for example "eu-west-1"');

const slugSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/,
    'expected 3-32 lowercase letters, digits or dashes, starting with a letter',
  );

const domainSchema = z
  .string()
  .regex(
    /^(?!-)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/,
    'expected a lowercase DNS name, for example "example.com"',
  );

/** Organizational units an account can live in (ARCHITECTURE §1, "Accounts and stages"). */
export const organizationalUnits = [
  'Root',
  'Security',
  'Infrastructure',
  'Workloads/NonProd',
  'Workloads/Prod',
  'Sandbox',
  'Playground',
] as const;

export const accountSchema = z.strictObject({
  id: accountIdSchema,
  email: z.email('expected the account root e-mail address'),
  ou: z.enum(organizationalUnits),
});

/** CloudWatch Logs accepts only these retention periods (days). */
export const logRetentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const logRetentionSchema = z
  .number()
  .refine((days) => (logRetentionDays as readonly number[]).includes(days), {
    message: `expected one of the CloudWatch Logs retention periods: ${logRetentionDays.join(', ')}`,
  });

export const alarmTargetsSchema = z.strictObject({
  /** E-mail addresses subscribed to the stage's alarm topic. */
  emails: z.array(z.email('expected an e-mail address')).readonly().default([]),
  /** ARN of an existing SNS topic wired to chat (AWS Chatbot / Q Developer), if any. */
  chatTopicArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/, 'expected an SNS topic ARN')
    .optional(),
});

export const sizesSchema = z.strictObject({
  /** Memory of ordinary functions, MiB. */
  functionMemoryMb: z.number().int().min(128).max(10240),
  /** Memory of the GraphQL gateway function, MiB: more memory also means more CPU for cold starts. */
  gatewayMemoryMb: z.number().int().min(128).max(10240),
  /** Steady-state requests per second the HTTP API accepts before throttling. */
  apiRateLimit: z.number().int().positive(),
  /** Burst above the steady rate. */
  apiBurstLimit: z.number().int().positive(),
  /** Requests per 5 minutes from one IP before the WAF rate-based rule blocks it. */
  wafRateLimitPer5Min: z.number().int().min(100).max(2_000_000_000),
});

/** An SNS platform application (mobile push): `arn:aws:sns:<region>:<account>:app/<platform>/<name>`. */
const platformApplicationArnSchema = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:app\/[A-Z_]+\/[A-Za-z0-9_.-]+$/,
    'expected an SNS platform application ARN, for example "arn:aws:sns:eu-west-1:123456789012:app/APNS/acme"',
  );

/**
 * How a stage reaches people (e-mail and mobile push). Every field has a default derived from
 * the stage's domain, so a stage only names what differs; see `resolveNotifications`.
 */
export const notificationSettingsSchema = z.strictObject({
  /**
   * The SES identity mail is sent from: a domain (`dev.example.com`, verified with DKIM) or a
   * single address, verified in SES in the stage's account and region; the function may send from it only.
   * @default the stage's domain
   */
  emailIdentity: z.union([domainSchema, z.email()], 'expected a DNS name or an e-mail address').optional(),
  /**
   * The From address, optionally with a display name (`Acme <no-reply@example.com>`); its domain must be
   * `emailIdentity` (or it must be `emailIdentity`, when that is an address).
   * @default `no-reply@<emailIdentity>`
   */
  senderAddress: z
    .string()
    .regex(
      /^(?:[^<>@]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
      'expected an e-mail address, optionally with a display name: "Acme <no-reply@example.com>"',
    )
    .optional(),
  /** The public web app's URL; links in messages point there. @default `https://<stage domain>` */
  appUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  /** The stage's SNS platform application for mobile push. @default none: push is disabled */
  pushPlatformApplicationArn: platformApplicationArnSchema.optional(),
});

/** The per-stage settings: the few, explicit differences between environments. */
export const stageSettingsSchema = z.strictObject({
  /** Name of the entry in `accounts` this stage deploys to. */
  account: z.string().min(1, 'expected the name of an entry in `accounts`'),
  /** Region; defaults to the organization's home region. */
  region: regionSchema.optional(),
  /** Spread stateful resources over several AZs and enable replicas where it costs money. */
  highAvailability: z.boolean(),
  logRetentionDays: logRetentionSchema,
  /** Days of continuous backups (point-in-time recovery) kept for tables. */
  backupRetentionDays: z.number().int().min(1).max(35),
  /** Refuse to delete tables, user pools and buckets with data. */
  deletionProtection: z.boolean(),
  /** What happens to stateful resources when the stack is deleted. */
  removalPolicy: z.enum(['destroy', 'retain', 'snapshot']),
  /** Hide error details in GraphQL responses and disable GraphiQL. */
  maskErrors: z.boolean(),
  /** Cognito advanced security (threat protection) in enforced mode; it is billed per user. */
  advancedSecurity: z.boolean(),
  alarms: alarmTargetsSchema,
  sizes: sizesSchema,
  /** Sub-domain of `domains.root` the stage serves on; empty for the apex. */
  subdomain: z.string().regex(/^([a-z0-9-]+(\.[a-z0-9-]+)*)?$/, 'expected a DNS label such as "dev"'),
  /** E-mail sender, app URL and mobile push of the stage; every field defaults from the domain. */
  notifications: notificationSettingsSchema.default({}),
});

/** Stage settings a single-tenant production stage may override on top of `prod`. */
export const tenantStageSchema = z.strictObject({
  tenant: slugSchema,
  account: z.string().min(1, 'expected the name of an entry in `accounts`'),
  overrides: stageSettingsSchema
    .omit({ account: true, notifications: true })
    .partial()
    // No default here: an absent field keeps prod's value, field by field (see resolveStages).
    .extend({ notifications: notificationSettingsSchema.optional() })
    .optional(),
});

export const stratumConfigSchema = z.strictObject({
  /** Short name used in stack names, tags and resource names. */
  project: slugSchema,
  owner: z.string().min(1, 'expected the owning team, used in the `owner` tag'),
  costCenter: z.string().min(1, 'expected a cost-center code, used in the `cost-center` tag'),
  homeRegion: regionSchema,
  organization: z.strictObject({
    /** The e-mail domain used for account root addresses of accounts created later. */
    emailDomain: domainSchema,
    /** Identity Center instance region; usually the home region. */
    identityCenterRegion: regionSchema.optional(),
  }),
  accounts: z.record(slugSchema, accountSchema).refine((accounts) => 'management' in accounts, {
    message: 'expected an account named "management" (the Organization\'s management account)',
  }),
  domains: z.strictObject({
    /** The public hosted zone every stage's sub-domain lives under. */
    root: domainSchema,
  }),
  stages: z.strictObject({
    /** The offline sandbox: no account, it deploys into the emulators of `npm start`. */
    local: stageSettingsSchema.omit({ account: true }),
    dev: stageSettingsSchema,
    /** The template of every `preview-<n>` stage (one per pull request). */
    preview: stageSettingsSchema,
    integration: stageSettingsSchema,
    staging: stageSettingsSchema,
    prod: stageSettingsSchema,
  }),
  /** Single-tenant production stages `prod-<tenant>`, each settings of `prod` plus overrides. */
  tenants: z.array(tenantStageSchema).default([]),
});

/** What a user writes in `stratum.config.ts`. */
export type StratumConfigInput = z.input<typeof stratumConfigSchema>;
/** The configuration after validation and defaults. */
export type StratumConfig = z.output<typeof stratumConfigSchema>;
export type StageSettings = z.output<typeof stageSettingsSchema>;
export type AccountConfig = z.output<typeof accountSchema>;
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;
