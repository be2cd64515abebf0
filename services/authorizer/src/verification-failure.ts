import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwkInvalidKtyError,
  JwkInvalidUseError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  JwkValidationError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import { AuthorizerError, JwksUnavailableError, type RejectionReason, TokenRejectedError } from './errors.ts';

/** aws-jwt-verify errors that mean "this token is not acceptable", by reason. Order matters: subclasses first. */
const REJECTIONS: ReadonlyArray<readonly [abstract new (...args: never[]) => Error, RejectionReason]> = [
  [JwtExpiredError, 'expired'],
  [JwtNotBeforeError, 'not_yet_valid'],
  [JwtInvalidIssuerError, 'wrong_issuer'],
  [JwtInvalidAudienceError, 'wrong_audience'],
  [CognitoJwtInvalidClientIdError, 'wrong_audience'],
  [CognitoJwtInvalidTokenUseError, 'wrong_token_use'],
  [CognitoJwtInvalidGroupError, 'not_staff'],
  [JwtInvalidSignatureError, 'bad_signature'],
  [JwtInvalidSignatureAlgorithmError, 'bad_algorithm'],
  [KidNotFoundInJwksError, 'unknown_key'],
  [WaitPeriodNotYetEndedJwkError, 'unknown_key'],
  [JwtWithoutValidKidError, 'unknown_key'],
  [JwtParseError, 'malformed'],
];

/** Errors that say the key set could not be obtained or used: an outage, not a bad token. */
const KEY_SET_FAILURES: ReadonlyArray<abstract new (...args: never[]) => Error> = [
  FetchError,
  JwksValidationError,
  JwkValidationError,
  JwkInvalidUseError,
  JwkInvalidKtyError,
  JwksNotAvailableInCacheError,
];

/** The `alg` of the token's header, read without trusting anything else in the token. */
function headerAlgorithm(token: string): string | undefined {
  const [encodedHeader] = token.split('.');
  try {
    const header: unknown = JSON.parse(Buffer.from(encodedHeader ?? '', 'base64url').toString('utf8'));
    if (typeof header === 'object' && header !== null && 'alg' in header && typeof header.alg === 'string') {
      return header.alg;
    }
  } catch {
    // Not JSON: the library has already called it malformed.
  }
  return undefined;
}

/**
 * Turns a verification failure into the authorizer's own error. The decision (refuse) was
 * made by aws-jwt-verify; this only names the reason for the log. Unsigned (`alg: none`)
 * tokens are named as such whatever step refused them, because they are a deliberate attack.
 */
export function toAuthorizerError(error: unknown, token: string, jwksUri: string): AuthorizerError {
  if (error instanceof AuthorizerError) return error;
  if (headerAlgorithm(token)?.toLowerCase() === 'none') {
    return new TokenRejectedError('alg_none', { cause: error });
  }
  for (const [type, reason] of REJECTIONS) {
    if (error instanceof type) return new TokenRejectedError(reason, { cause: error });
  }
  if (KEY_SET_FAILURES.some((type) => error instanceof type)) {
    return new JwksUnavailableError(jwksUri, { cause: error });
  }
  // Not a known verdict: fail closed, loudly (the handler throws, API Gateway answers 500).
  return new AuthorizerError('Unexpected token verification failure', { cause: error });
}
