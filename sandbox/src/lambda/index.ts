export type { ConcurrencySettings, FunctionConcurrency } from './deployed-function.ts';
export { type FunctionReference, functionArn, parseFunctionReference } from './function-arn.ts';
export type { LambdaFunctionDefinition, ResolvedFunctionDefinition } from './function-definition.ts';
export type { InvocationRequest, InvocationResult, LambdaErrorPayload } from './invocation.ts';
export { createInvokeApiHandler, type InvokeApiOptions } from './invoke-api/invoke-api-handler.ts';
export {
  FunctionNotFoundError,
  FunctionThrottledError,
  InvalidFunctionDefinitionError,
  LambdaRunnerError,
  RunnerClosedError,
} from './lambda-errors.ts';
export { LambdaRunner, type LambdaRunnerOptions } from './lambda-runner.ts';
export type { LambdaLogRecord, LambdaLogSink } from './log-record.ts';
export { RESERVED_VARIABLES, type SandboxAwsSettings } from './runtime-environment.ts';
