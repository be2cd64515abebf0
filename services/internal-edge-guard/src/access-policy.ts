/**
 * Name of the cookie that carries the staff member's Cognito ID token. The internal app sets it
 * after sign-in (and on every token refresh) and clears it on sign-out; see web/internal/README.md.
 */
export const STAFF_TOKEN_COOKIE = 'stratum_staff_token';

/** Paths of the sign-in shell: served to anyone. Everything else needs a staff token. */
const PUBLIC_EXACT = new Set([
  '/',
  '/index.html',
  '/config.json',
  '/favicon.ico',
  '/favicon.svg',
  '/robots.txt',
]);
/**
 * Vite's output folder of the shell's entry chunk, styles and fonts. The staff screens are lazy
 * chunks emitted under `/staff/` (web/internal/vite.config.ts), so they stay behind the token.
 */
const PUBLIC_PREFIXES = ['/assets/'];

/**
 * Whether `uri` belongs to the sign-in shell. A URI with `..` or an encoded slash is never
 * public: S3 keys are literal, but a proxy or browser that normalizes paths could otherwise turn
 * `/assets/../staff/x.js` into a protected key.
 */
export function isPublicPath(uri: string): boolean {
  if (uri.includes('..') || /%2f|%5c/i.test(uri) || uri.includes('\\')) return false;
  return PUBLIC_EXACT.has(uri) || PUBLIC_PREFIXES.some((prefix) => uri.startsWith(prefix));
}

/** The value of one cookie from the `Cookie` headers (CloudFront may split them into several). */
export function cookieValue(cookieHeaders: readonly string[], name: string): string | undefined {
  for (const header of cookieHeaders) {
    for (const pair of header.split(';')) {
      const at = pair.indexOf('=');
      if (at === -1 || pair.slice(0, at).trim() !== name) continue;
      const value = pair.slice(at + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/**
 * Whether the viewer is a browser navigating to a page (then it is sent to the sign-in shell)
 * rather than a script or asset request (then it gets a plain 403).
 */
export function isNavigation(method: string, acceptHeaders: readonly string[]): boolean {
  return (method === 'GET' || method === 'HEAD') && acceptHeaders.some((a) => a.includes('text/html'));
}

/** A client-side route of the app (`/tenants/t-1`): its last segment has no file extension. */
export function isAppRoute(uri: string): boolean {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  return uri !== '/' && !last.includes('.');
}
