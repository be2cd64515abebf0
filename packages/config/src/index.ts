export { type ConfigIssue, ConfigError } from './config-error.ts';
export { defineConfig } from './define-config.ts';
export {
  type AccountConfig,
  type StageSettings,
  type StratumConfig,
  type StratumConfigInput,
  logRetentionDays,
  organizationalUnits,
  stratumConfigSchema,
} from './schema.ts';
export { LOCAL_ACCOUNT_ID, type ResolvedStage, type ResolveStagesOptions, resolveStages, type StageKind } from './stages.ts';
