import { readEnvironment } from '@stratum/runtime';
import * as z from 'zod/mini';

/** One Cognito user pool whose ID tokens the authorizer accepts. */
export interface PoolConfig {
  /** Exact value of the `iss` claim, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc`. */
  readonly issuer: string;
  /** App client ids; an ID token's `aud` must be one of them. */
  readonly clientIds: readonly string[];
  readonly jwksUri: string;
}

export interface AuthorizerConfig {
  readonly customer: PoolConfig;
  readonly staff: PoolConfig;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * HTTPS, or plain HTTP on the loopback interface only: the offline sandbox serves its user
 * pools on 127.0.0.1, and nothing else may fetch signing keys over an unauthenticated channel.
 */
const endpointUrl = z.url('must be a URL').check(
  z.refine(
    (value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    },
    { message: 'must be an https:// URL (http:// is allowed on 127.0.0.1/localhost only)' },
  ),
);

const clientIdList = z
  .pipe(
    z.string('must be set'),
    z.transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
    ),
  )
  .check(z.refine((ids) => ids.length > 0, { message: 'must name at least one app client id' }));

// zod/mini, not zod: the authorizer is on every request's path and its cold start is
// budgeted at twice an empty handler's (docs/adr/0005-cold-start-budget.md).
const schema = z
  .object({
    CUSTOMER_POOL_ISSUER: endpointUrl,
    CUSTOMER_POOL_CLIENT_IDS: clientIdList,
    CUSTOMER_POOL_JWKS_URI: z.optional(endpointUrl),
    STAFF_POOL_ISSUER: endpointUrl,
    STAFF_POOL_CLIENT_IDS: clientIdList,
    STAFF_POOL_JWKS_URI: z.optional(endpointUrl),
  })
  .check(
    z.refine((env) => env.CUSTOMER_POOL_ISSUER !== env.STAFF_POOL_ISSUER, {
      message: 'the customer and staff pools must have different issuers',
      path: ['STAFF_POOL_ISSUER'],
    }),
  );

function defaultJwksUri(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
}

/**
 * Reads both pools from the environment once, failing fast with every bad variable named.
 *
 * @example
 * ```ts
 * const config = readAuthorizerConfig(); // at module load
 * config.customer.jwksUri; // CUSTOMER_POOL_JWKS_URI or `${CUSTOMER_POOL_ISSUER}/.well-known/jwks.json`
 * ```
 */
export function readAuthorizerConfig(source: NodeJS.ProcessEnv = process.env): AuthorizerConfig {
  const env = readEnvironment(schema, source);
  return {
    customer: {
      issuer: env.CUSTOMER_POOL_ISSUER,
      clientIds: env.CUSTOMER_POOL_CLIENT_IDS,
      jwksUri: env.CUSTOMER_POOL_JWKS_URI ?? defaultJwksUri(env.CUSTOMER_POOL_ISSUER),
    },
    staff: {
      issuer: env.STAFF_POOL_ISSUER,
      clientIds: env.STAFF_POOL_CLIENT_IDS,
      jwksUri: env.STAFF_POOL_JWKS_URI ?? defaultJwksUri(env.STAFF_POOL_ISSUER),
    },
  };
}
