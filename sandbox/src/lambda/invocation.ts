import type { LambdaLogRecord } from './log-record.ts';

/** One invocation as the runner receives it. */
export interface InvocationRequest {
  /** The event, already parsed from JSON (it reaches the handler through JSON, as on Lambda). */
  readonly event: unknown;
  /** @default a new UUID */
  readonly awsRequestId?: string;
  /** `context.clientContext` (the Invoke API's `X-Amz-Client-Context`, decoded). */
  readonly clientContext?: unknown;
  /** `_X_AMZN_TRACE_ID` for the invocation. @default a new unsampled root */
  readonly traceId?: string;
}

/** The body of a failed invocation, as Lambda returns it. */
export interface LambdaErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

/** What an invocation produced. */
export interface InvocationResult {
  readonly awsRequestId: string;
  /** The response body: the handler's value as JSON, or the JSON of a {@link LambdaErrorPayload}. */
  readonly payload: string;
  /** Set when the function failed (error thrown, timeout, crash, init failure). */
  readonly functionError?: 'Unhandled';
  /** Every line the function wrote during the invocation (and during init, on a cold start). */
  readonly logs: readonly LambdaLogRecord[];
  readonly durationMs: number;
  /** Present on a cold start: process start and module load, until the handler was ready. */
  readonly initDurationMs?: number;
  readonly executedVersion: '$LATEST';
}

/** Lambda's limit on a synchronous response (its error message names this exact figure). */
export const MAX_RESPONSE_BYTES = 6_291_556;
