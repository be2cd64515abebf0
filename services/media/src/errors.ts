/**
 * The media subgraph's own errors. Each carries the GraphQL `extensions.code` a client sees;
 * errors of the data layer are classified in `error-classification.ts`.
 */
export class MediaError extends Error {
  override readonly name: string = 'MediaError';
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An argument is malformed; `field` names it as the client wrote it (e.g. `todoId`). */
export class BadUserInputError extends MediaError {
  override readonly name = 'BadUserInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, 'BAD_USER_INPUT');
  }
}

/** The principal lacks what the operation needs to know who it acts for (e.g. no tenant). */
export class UnauthenticatedError extends MediaError {
  override readonly name = 'UnauthenticatedError';
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED');
  }
}

/** The principal is known but not allowed to do this. */
export class ForbiddenError extends MediaError {
  override readonly name = 'ForbiddenError';
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}
