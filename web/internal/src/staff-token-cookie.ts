import type { Authenticator, SessionState } from '@stratum/web-shared';

/**
 * The cookie the internal distribution's edge guard reads (`services/internal-edge-guard`,
 * STAFF_TOKEN_COOKIE): the staff ID token, so that CloudFront serves the app's protected paths
 * only to staff. Not HttpOnly because the app itself writes it; the API never reads it (it takes
 * the Authorization header), so it grants nothing beyond what the page already holds.
 */
export const STAFF_TOKEN_COOKIE = 'stratum_staff_token';

export function staffTokenCookie(state: SessionState, now: number, secure: boolean): string {
  const attributes = `Path=/; SameSite=Strict${secure ? '; Secure' : ''}`;
  if (state.status !== 'signedIn') return `${STAFF_TOKEN_COOKIE}=; Max-Age=0; ${attributes}`;
  const maxAge = Math.max(0, Math.floor((state.session.expiresAt - now) / 1000));
  return `${STAFF_TOKEN_COOKIE}=${state.session.idToken}; Max-Age=${maxAge}; ${attributes}`;
}

/** Writes the cookie now and after every sign-in, refresh, expiry and sign-out; returns the unsubscribe. */
export function syncStaffTokenCookie(authenticator: Authenticator, target: Document = document): () => void {
  const write = () => {
    target.cookie = staffTokenCookie(authenticator.state, Date.now(), window.location.protocol === 'https:');
  };
  write();
  return authenticator.subscribe(write);
}
