/** Tokens longer than this are refused before any parsing (Cognito ID tokens are ~1-2 KB). */
const MAX_TOKEN_LENGTH = 16 * 1024;

export type BearerToken =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'malformed' };

/**
 * Extracts the JWT from an `Authorization` header value: `Bearer <jwt>` (scheme in any case)
 * or the bare token, which is what browser SDKs of Cognito commonly send.
 */
export function bearerTokenFrom(header: string | undefined): BearerToken {
  const value = header?.trim() ?? '';
  if (value === '') return { kind: 'missing' };
  const match = /^bearer(?:\s+(.*))?$/i.exec(value);
  const token = match ? (match[1] ?? '').trim() : value;
  if (token === '') return { kind: 'missing' };
  if (token.length > MAX_TOKEN_LENGTH || /\s/.test(token)) return { kind: 'malformed' };
  return { kind: 'token', token };
}
