/** Why a request for protected content was refused; logged, never shown to the viewer. */
export type DenialReason = 'no_cookie' | 'invalid_token' | 'not_staff';

/** Base of every error the edge guard raises. */
export class EdgeGuardError extends Error {
  override readonly name: string = 'EdgeGuardError';
}

/** The staff token in the cookie is missing, invalid, expired, foreign or not a staff member's. */
export class AccessDeniedError extends EdgeGuardError {
  override readonly name = 'AccessDeniedError';
  constructor(
    readonly reason: DenialReason,
    options?: { cause?: unknown },
  ) {
    super(`Access denied: ${reason}`, options);
  }
}

/**
 * The app's `/config.json` (which names the staff pool) could not be read. Not the viewer's
 * fault: the guard answers 503 so that nothing protected is served and nobody is told to sign in again.
 */
export class SiteConfigUnavailableError extends EdgeGuardError {
  override readonly name = 'SiteConfigUnavailableError';
  constructor(
    readonly url: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`The app configuration at ${url} is unavailable: ${detail}`, options);
  }
}
