/**
 * The one error hierarchy of the web apps. Components catch these by class and show
 * `message`, which is written for the person in front of the screen.
 */
export class WebError extends Error {
  override readonly name: string = 'WebError';
}

/** `/config.json` is missing, unreachable or malformed; `problems` names each bad field. */
export class RuntimeConfigError extends WebError {
  override readonly name = 'RuntimeConfigError';
  constructor(
    message: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Cognito refused a request. `code` is the exception name without its namespace
 * (`NotAuthorizedException`, `CodeMismatchException`, ...); `message` is Cognito's own text.
 */
export class CognitoError extends WebError {
  override readonly name = 'CognitoError';
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The signed-in account lacks what the app requires (e.g. the staff group). */
export class AccessDeniedError extends WebError {
  override readonly name = 'AccessDeniedError';
}

/**
 * The session can no longer be used: the API refused the token and a refresh failed, or the
 * refresh token itself was refused. The app goes back to its sign-in page, keeping form drafts.
 */
export class SessionExpiredError extends WebError {
  override readonly name = 'SessionExpiredError';
  constructor(options?: { cause?: unknown }) {
    super('Your session has expired. Please sign in again.', options);
  }
}

/** A network failure or an unusable HTTP answer, before any GraphQL result could be read. */
export class RequestFailedError extends WebError {
  override readonly name = 'RequestFailedError';
  constructor(
    message: string,
    readonly status?: number,
    readonly correlationId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface GraphqlErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string } & Readonly<Record<string, unknown>>;
}

/** The API answered with GraphQL errors; `code` is the first error's `extensions.code`. */
export class GraphqlRequestError extends WebError {
  override readonly name = 'GraphqlRequestError';
  readonly code: string | undefined;
  constructor(
    readonly errors: readonly GraphqlErrorEntry[],
    readonly correlationId?: string,
  ) {
    super(errors.map((error) => error.message).join('; ') || 'The request failed.');
    this.code = errors[0]?.extensions?.code;
  }
}

/** Turns any thrown value into a sentence for an error message element. */
export function describeError(error: unknown): string {
  if (error instanceof GraphqlRequestError || error instanceof RequestFailedError) {
    return error.correlationId ? `${error.message} (reference ${error.correlationId})` : error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
