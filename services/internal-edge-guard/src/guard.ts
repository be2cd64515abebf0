import type { CloudFrontRequest, CloudFrontResultResponse } from 'aws-lambda';
import { cookieValue, isNavigation, isPublicPath, STAFF_TOKEN_COOKIE } from './access-policy.ts';
import { AccessDeniedError, type DenialReason } from './errors.ts';
import type { SiteConfigSource } from './site-config.ts';
import type { StaffTokenVerifier } from './staff-token.ts';

/** What the guard decided, for the handler to log. */
export type GuardDecision =
  | { readonly outcome: 'public' }
  | { readonly outcome: 'allowed'; readonly userId: string }
  | { readonly outcome: 'denied'; readonly reason: DenialReason };

const NO_STORE = [{ key: 'Cache-Control', value: 'no-store' }];

/** A browser navigating to a protected page goes to the sign-in shell; anything else gets 403. */
export function denial(request: CloudFrontRequest): CloudFrontResultResponse {
  const accept = (request.headers.accept ?? []).map((h) => h.value);
  if (isNavigation(request.method, accept)) {
    return {
      status: '302',
      statusDescription: 'Found',
      headers: { location: [{ key: 'Location', value: '/' }], 'cache-control': NO_STORE },
    };
  }
  return {
    status: '403',
    statusDescription: 'Forbidden',
    headers: {
      'content-type': [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
      'cache-control': NO_STORE,
    },
    body: 'Sign in with a staff account to load this resource.\n',
  };
}

/**
 * The viewer-request decision: the sign-in shell passes; anything else passes only with a valid
 * staff ID token in the `stratum_staff_token` cookie. Errors other than a denial (the config or the
 * keys cannot be read) propagate: the handler answers 503, never the protected content.
 */
export async function guard(
  request: CloudFrontRequest,
  distributionDomain: string,
  dependencies: { readonly config: SiteConfigSource; readonly verifier: StaffTokenVerifier },
): Promise<GuardDecision> {
  if (isPublicPath(request.uri)) return { outcome: 'public' };
  const token = cookieValue(
    (request.headers.cookie ?? []).map((h) => h.value),
    STAFF_TOKEN_COOKIE,
  );
  if (!token) return { outcome: 'denied', reason: 'no_cookie' };
  const pool = await dependencies.config.staffPool(distributionDomain);
  try {
    const claims = await dependencies.verifier.verify(token, pool);
    return { outcome: 'allowed', userId: String(claims.sub) };
  } catch (error) {
    if (error instanceof AccessDeniedError) return { outcome: 'denied', reason: error.reason };
    throw error;
  }
}
