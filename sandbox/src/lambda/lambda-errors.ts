/**
 * The Lambda runner's error hierarchy: mistakes of the caller (a definition Lambda would
 * reject, an unknown function, a closed runner). Failures of the function itself are not
 * thrown: they are invocation results with a Lambda-shaped error payload.
 */
export class LambdaRunnerError extends Error {
  override readonly name: string = 'LambdaRunnerError';
}

/** A function definition that Lambda itself would refuse (reserved variables, limits, runtime). */
export class InvalidFunctionDefinitionError extends LambdaRunnerError {
  override readonly name = 'InvalidFunctionDefinitionError';
  constructor(
    readonly functionName: string,
    readonly problems: readonly string[],
  ) {
    super(`function ${functionName} cannot run: ${problems.join('; ')}`);
  }
}

/** Invoke, swap or lookup of a function that was never deployed. */
export class FunctionNotFoundError extends LambdaRunnerError {
  override readonly name = 'FunctionNotFoundError';
  constructor(readonly functionName: string) {
    super(`Function not found: ${functionName}`);
  }
}

/** The runner was closed; nothing runs any more. */
export class RunnerClosedError extends LambdaRunnerError {
  override readonly name = 'RunnerClosedError';
  constructor() {
    super('the Lambda runner is closed');
  }
}

/** The function's reserved concurrency is 0: Lambda throttles every invocation (HTTP 429). */
export class FunctionThrottledError extends LambdaRunnerError {
  override readonly name = 'FunctionThrottledError';
  constructor(readonly functionName: string) {
    super(`Rate Exceeded: ${functionName} has a reserved concurrency of 0`);
  }
}
