/**
 * The operations subgraph's errors. Each carries the GraphQL `extensions.code` a client sees
 * (see `error-classification.ts`); anything else is unexpected and masked by the executor.
 */
export class OperationsError extends Error {
  override readonly name: string = 'OperationsError';
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'CONFLICT',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An argument is not acceptable; `field` names it as the client wrote it (`queue`, `max`). */
export class BadUserInputError extends OperationsError {
  override readonly name = 'BadUserInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, 'BAD_USER_INPUT');
  }
}

/** A customer principal called a staff-only field. */
export class ForbiddenError extends OperationsError {
  override readonly name = 'ForbiddenError';
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}

/** A message move task already runs for the queue: SQS allows one per source queue. */
export class MoveTaskRunningError extends OperationsError {
  override readonly name = 'MoveTaskRunningError';
  constructor(
    readonly queue: string,
    readonly taskHandle: string | undefined,
  ) {
    super(`A redrive of ${queue} is already running; wait for it to finish.`, 'CONFLICT');
  }
}
