export {
  type CognitoLocalEngine,
  type CognitoLocalStartOptions,
  startCognitoLocalEngine,
} from './cognito-local-engine.ts';
export {
  DYNAMODB_LOCAL,
  type DynamoDbLocalEngine,
  startDynamoDbLocalEngine,
} from './dynamodb-local-engine.ts';
export type { Engine, EngineExit, EngineLauncher, EngineStartOptions } from './engine.ts';
export { EngineError, EnginePortInUseError, EngineStartError } from './engine-errors.ts';
export { EngineSupervisor, type EngineSupervisorOptions } from './engine-supervisor.ts';
export { type FauxqsEngine, startFauxqsEngine } from './fauxqs-engine.ts';
export { type SentEmail, SesInbox, type WaitForEmailOptions } from './ses-inbox.ts';
export { type SesLocalEngine, startSesLocalEngine } from './ses-local-engine.ts';
