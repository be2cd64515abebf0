/**
 * How the API Gateway emulator reaches Lambda. The sandbox's Lambda runner implements it; tests
 * use an in-memory fake. The emulator never imports the runner, so either side can change alone.
 */
export interface FunctionInvoker {
  /**
   * Invokes a function synchronously (`RequestResponse`) with an already-built event.
   *
   * @param functionName what Lambda's `Invoke` accepts as `FunctionName`: a name, optionally
   *   with `:qualifier` (the emulator passes the name it found in the integration's or the
   *   authorizer's ARN).
   * @returns the handler's return value, parsed from JSON (`undefined` for no value), or — with
   *   `functionError: 'Unhandled'` — the Lambda error object (`{ errorType, errorMessage, trace }`).
   *   Rejects only when the function could not be run at all (unknown function, runner down).
   */
  invoke(functionName: string, event: unknown): Promise<FunctionResult>;
}

export interface FunctionResult {
  readonly payload: unknown;
  readonly functionError?: 'Unhandled';
}
