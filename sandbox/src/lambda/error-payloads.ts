import type { LambdaErrorPayload } from './invocation.ts';

/** The error Lambda reports when an invocation (or the init it waited for) outlives its timeout. */
export function timeoutError(awsRequestId: string, timeoutSeconds: number): LambdaErrorPayload {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${awsRequestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
  };
}

/** The error Lambda reports when the function's process dies during an invocation. */
export function exitError(
  awsRequestId: string,
  code: number | null,
  signal: NodeJS.Signals | null,
): LambdaErrorPayload {
  const how = signal ? `signal: ${SIGNAL_WORDS[signal] ?? signal.toLowerCase()}` : `exit status ${code ?? 0}`;
  return {
    errorType: 'Runtime.ExitError',
    errorMessage: `RequestId: ${awsRequestId} Error: Runtime exited with error: ${how}`,
  };
}

/** The error Lambda reports when a synchronous response is larger than it carries. */
export function responseTooLargeError(limit: number): LambdaErrorPayload {
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size exceeded maximum allowed payload size (${limit} bytes).`,
  };
}

/** How Lambda (a Go process) words the signals that end a runtime. */
const SIGNAL_WORDS: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted',
  SIGSEGV: 'segmentation fault',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGBUS: 'bus error',
};
