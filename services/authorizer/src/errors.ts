/**
 * Why a token was refused. Logged (never the token itself) so that an operator can tell an
 * expired session from an attack; the caller only ever sees a 401/403.
 */
export type RejectionReason =
  | 'missing_token'
  | 'malformed'
  | 'alg_none'
  | 'bad_algorithm'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'wrong_token_use'
  | 'missing_tenant'
  | 'customer_claims_staff'
  | 'not_staff';

/** Base of every error the authorizer raises. */
export class AuthorizerError extends Error {
  override readonly name: string = 'AuthorizerError';
}

/** The token is not acceptable. Maps to `{ isAuthorized: false }` (API Gateway answers 403). */
export class TokenRejectedError extends AuthorizerError {
  override readonly name = 'TokenRejectedError';
  constructor(
    readonly reason: RejectionReason,
    options?: { cause?: unknown },
  ) {
    super(`Token rejected: ${reason}`, options);
  }
}

/**
 * The signing keys of a pool could not be fetched or were unusable. Not the caller's fault:
 * the handler throws (API Gateway answers 500, which it does not cache) instead of denying,
 * because a cached deny would lock valid users out for the whole cache TTL.
 */
export class JwksUnavailableError extends AuthorizerError {
  override readonly name = 'JwksUnavailableError';
  constructor(
    readonly jwksUri: string,
    options: { cause: unknown },
  ) {
    super(`Signing keys unavailable at ${jwksUri}`, options);
  }
}
