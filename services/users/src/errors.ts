/**
 * The users subgraph's own errors. Each carries the GraphQL `extensions.code` a client sees;
 * errors of the data layer are classified in `error-classification.ts`.
 */
export class UsersError extends Error {
  override readonly name: string = 'UsersError';
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An argument is malformed; `field` names it as the client wrote it (e.g. `email`). */
export class BadUserInputError extends UsersError {
  override readonly name: string = 'BadUserInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, 'BAD_USER_INPUT');
  }
}

/** The principal lacks what the operation needs to know who it acts for (e.g. no tenant). */
export class UnauthenticatedError extends UsersError {
  override readonly name = 'UnauthenticatedError';
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED');
  }
}

/** The principal is known but not allowed to do this. */
export class ForbiddenError extends UsersError {
  override readonly name = 'ForbiddenError';
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}

/** The stage has no push application for the platform a device asked for (field `platform`). */
export class PushNotConfiguredError extends BadUserInputError {
  override readonly name = 'PushNotConfiguredError';
  constructor(readonly platform: string) {
    super('platform', `Push notifications through ${platform} are not configured for this stage.`);
  }
}
