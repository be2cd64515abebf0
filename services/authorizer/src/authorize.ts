import { bearerTokenFrom } from './bearer-token.ts';
import { type RejectionReason, TokenRejectedError } from './errors.ts';
import { type AuthorizerContext, authorizerContextOf, type Principal, principalFrom } from './principal.ts';
import type { TokenVerifier } from './token-verifier.ts';

/** The simple response of an HTTP API Lambda authorizer (payload format 2.0). */
export type AuthorizerResponse =
  | { readonly isAuthorized: true; readonly context: AuthorizerContext }
  | { readonly isAuthorized: false };

export type AuthorizationDecision =
  | { readonly response: AuthorizerResponse; readonly principal: Principal }
  | { readonly response: AuthorizerResponse; readonly rejection: RejectionReason };

const DENY = { isAuthorized: false } as const;

/**
 * Decides on one `Authorization` header value. The decision depends on the token alone, so
 * API Gateway may cache it under that header. Infrastructure failures (keys unreachable)
 * reject the promise instead of denying, so that no deny is cached because of an outage.
 */
export async function authorize(
  authorizationHeader: string | undefined,
  verifier: TokenVerifier,
): Promise<AuthorizationDecision> {
  const bearer = bearerTokenFrom(authorizationHeader);
  if (bearer.kind === 'missing') return { response: DENY, rejection: 'missing_token' };
  if (bearer.kind === 'malformed') return { response: DENY, rejection: 'malformed' };
  try {
    const principal = principalFrom(await verifier.verify(bearer.token));
    return { response: { isAuthorized: true, context: authorizerContextOf(principal) }, principal };
  } catch (error) {
    if (error instanceof TokenRejectedError) return { response: DENY, rejection: error.reason };
    throw error;
  }
}
