import * as z from 'zod';
import type { TokenSet } from './cognito-client.ts';

/** A signed-in user's tokens and the claims the UI shows. */
export interface Session {
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch milliseconds: the ID token's `exp`. */
  readonly expiresAt: number;
  readonly userId: string;
  readonly email: string;
  readonly groups: readonly string[];
}

export const sessionSchema = z.object({
  idToken: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresAt: z.number(),
  userId: z.string(),
  email: z.string(),
  groups: z.array(z.string()),
});

const idTokenClaims = z.object({
  sub: z.string(),
  exp: z.number(),
  email: z.string().optional(),
  'cognito:groups': z.array(z.string()).optional(),
});

/**
 * Reads a JWT's payload without verifying it: the browser only uses the claims for display and
 * timing; the API's authorizer verifies every token it receives.
 */
export function decodeJwtPayload(token: string): unknown {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Builds a session from fresh tokens; `refreshToken` carries over when a refresh returns none. */
export function sessionFromTokens(tokens: TokenSet, previousRefreshToken?: string): Session {
  const refreshToken = tokens.refreshToken ?? previousRefreshToken;
  if (!refreshToken) throw new Error('Cognito returned no refresh token');
  const claims = idTokenClaims.parse(decodeJwtPayload(tokens.idToken));
  return {
    idToken: tokens.idToken,
    accessToken: tokens.accessToken,
    refreshToken,
    expiresAt: claims.exp * 1000,
    userId: claims.sub,
    email: claims.email ?? '',
    groups: claims['cognito:groups'] ?? [],
  };
}
