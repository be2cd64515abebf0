import {
  type CryptoKey,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWK,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import type { AuthorizerConfig } from '../src/environment.ts';

/** A stand-in for one Cognito user pool: its RSA key pair, its JWKS and its issuer. */
export interface TestPool {
  readonly issuer: string;
  readonly clientId: string;
  readonly jwksUri: string;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKeyPem: string;
  readonly jwks: { keys: JWK[] };
}

export async function createTestPool(issuer: string, clientId: string, kid: string): Promise<TestPool> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  // Cognito publishes alg, e, kid, kty, n and use for each key.
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    issuer,
    clientId,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    kid,
    privateKey,
    publicKeyPem: await exportSPKI(publicKey),
    jwks: { keys: [jwk] },
  };
}

export function configFor(customer: TestPool, staff: TestPool): AuthorizerConfig {
  return {
    customer: { issuer: customer.issuer, clientIds: [customer.clientId], jwksUri: customer.jwksUri },
    staff: {
      issuer: staff.issuer,
      clientIds: ['other-staff-client', staff.clientId],
      jwksUri: staff.jwksUri,
    },
  };
}

const now = () => Math.floor(Date.now() / 1000);

/** The claims of a Cognito ID token of `pool`, with `overrides` applied (undefined removes a claim). */
export function idTokenClaims(
  pool: TestPool,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    sub: '7f1c2a9e-0000-4000-8000-000000000001',
    aud: pool.clientId,
    iss: pool.issuer,
    token_use: 'id',
    auth_time: now() - 10,
    iat: now() - 10,
    exp: now() + 3600,
    email: 'ada@example.com',
    email_verified: true,
    'cognito:username': 'ada',
    ...overrides,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return claims;
}

/** Signs `claims` with `pool`'s private key (or `signingPool`'s, to forge), RS256, kid of `pool`. */
export function sign(
  pool: TestPool,
  claims: Record<string, unknown>,
  signingPool: TestPool = pool,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: pool.kid, ...header })
    .sign(signingPool.privateKey);
}

/** The classic key-confusion attack: HS256 with the pool's public key as the HMAC secret. */
export function signHs256WithPublicKey(pool: TestPool, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: pool.kid })
    .sign(new TextEncoder().encode(pool.publicKeyPem));
}

/** An unsigned token (`alg: none`, empty signature), as jose produces it. */
export function unsigned(claims: Record<string, unknown>): string {
  return new UnsecuredJWT(claims).encode();
}

/** An `alg: none` token that names a real key id and carries some signature bytes. */
export function unsignedWithKid(pool: TestPool, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', kid: pool.kid })}.${part(claims)}.${Buffer.from('forged').toString('base64url')}`;
}

/** A JWKS fetcher for aws-jwt-verify that serves the pools' key sets from memory and counts calls. */
export function inMemoryFetcher(pools: readonly TestPool[]) {
  const calls: string[] = [];
  return {
    calls,
    async fetch(uri: string): Promise<ArrayBuffer> {
      calls.push(uri);
      const pool = pools.find((candidate) => candidate.jwksUri === uri);
      if (!pool) throw new Error(`no JWKS at ${uri}`);
      return new TextEncoder().encode(JSON.stringify(pool.jwks)).buffer as ArrayBuffer;
    },
  };
}
