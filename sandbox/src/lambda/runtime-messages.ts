import type { LambdaErrorPayload } from './invocation.ts';

/**
 * The IPC protocol between the runner and the runtime in each function's process
 * (`runtime/bootstrap.mjs`, which documents it from the other side).
 */
export interface InvokeMessage {
  readonly type: 'invoke';
  readonly event: unknown;
  readonly traceId: string;
  readonly context: {
    readonly awsRequestId: string;
    readonly functionName: string;
    readonly functionVersion: '$LATEST';
    readonly invokedFunctionArn: string;
    readonly memoryLimitInMB: string;
    readonly logGroupName: string;
    readonly logStreamName: string;
    readonly deadlineMs: number;
    readonly clientContext?: unknown;
  };
}

export type RuntimeMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'init-error'; readonly error: LambdaErrorPayload }
  | { readonly type: 'result'; readonly awsRequestId: string; readonly ok: true; readonly payload: string }
  | {
      readonly type: 'result';
      readonly awsRequestId: string;
      readonly ok: false;
      readonly error: LambdaErrorPayload;
    };

export function isRuntimeMessage(value: unknown): value is RuntimeMessage {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}
