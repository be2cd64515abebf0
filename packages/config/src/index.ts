export { ConfigError, type ConfigIssue } from './config-error.ts';
export { defineConfig } from './define-config.ts';
export {
  type AccountConfig,
  logRetentionDays,
  type NotificationSettings,
  organizationalUnits,
  type StageSettings,
  type StratumConfig,
  type StratumConfigInput,
  stratumConfigSchema,
} from './schema.ts';
export { type ResolvedNotifications, resolveNotifications } from './stage-notifications.ts';
export {
  LOCAL_ACCOUNT_ID,
  type ResolvedStage,
  type ResolveStagesOptions,
  resolveStages,
  type StageKind,
} from './stages.ts';
