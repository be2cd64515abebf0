/**
 * How event-source mappings, Pipes and Scheduler reach Lambda. The sandbox's Lambda runner implements
 * it (`runnerInvoker` in `src/sandbox`); tests use an in-memory fake.
 */
export interface FunctionInvoker {
  /**
   * Invokes a function synchronously (`RequestResponse`) with an already-built event.
   *
   * @param functionName a name or ARN, as the template gives it.
   * @returns the handler's value parsed from JSON (`undefined` for none), or — with
   *   `functionError` — the Lambda error object. Rejects only when the function could not run at all.
   */
  invoke(functionName: string, event: unknown): Promise<FunctionResult>;
}

export interface FunctionResult {
  readonly payload: unknown;
  readonly functionError?: string;
}

/** A short description of a failed invocation for logs and on-failure records. */
export function describeFunctionError(result: FunctionResult): string {
  const payload = result.payload as { errorType?: unknown; errorMessage?: unknown } | undefined;
  const type = typeof payload?.errorType === 'string' ? payload.errorType : 'Error';
  const message = typeof payload?.errorMessage === 'string' ? payload.errorMessage : '';
  return message === '' ? type : `${type}: ${message}`;
}
