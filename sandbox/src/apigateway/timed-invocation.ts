import type { FunctionInvoker, FunctionResult } from './function-invoker.ts';

/** How a call to a function ended, from API Gateway's side. */
export type InvocationOutcome =
  | { readonly kind: 'result'; readonly result: FunctionResult }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly error: string };

/**
 * Invokes a function and stops waiting after `timeoutMillis`, as API Gateway does (30 s at most
 * for an integration, 10 s for an authorizer). The function keeps running; only the answer is
 * abandoned, like on AWS.
 */
export async function invokeWithin(
  invoker: FunctionInvoker,
  functionName: string,
  event: unknown,
  timeoutMillis: number,
): Promise<InvocationOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<InvocationOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMillis);
  });
  const invocation = invoker.invoke(functionName, event).then(
    (result): InvocationOutcome => ({ kind: 'result', result }),
    (error: unknown): InvocationOutcome => ({
      kind: 'failed',
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  try {
    return await Promise.race([invocation, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
