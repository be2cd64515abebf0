import { JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { AuthorizerConfig, PoolConfig } from './environment.ts';
import { TokenRejectedError } from './errors.ts';
import { JwksFetcher } from './jwks-fetcher.ts';
import { toAuthorizerError } from './verification-failure.ts';

export type Pool = 'customer' | 'staff';

/** A token whose signature, issuer, client, lifetime and use have all been checked. */
export interface VerifiedToken {
  /** The pool that signed it: decided by the verified issuer, never by a claim inside the token. */
  readonly pool: Pool;
  readonly claims: JwtPayload;
}

export interface TokenVerifierOptions {
  /** Where key sets come from. @default a {@link JwksFetcher} (HTTPS, or HTTP on loopback) */
  readonly fetcher?: Fetcher;
}

function poolVerifier(pool: PoolConfig, fetcher: Fetcher) {
  return JwtVerifier.create(
    {
      issuer: pool.issuer,
      jwksUri: pool.jwksUri,
      // Cognito ID tokens carry the client id in `aud`; it is checked below, after the
      // token use, so that an access token (which has no `aud`) is named for what it is.
      audience: null,
      customJwtCheck: ({ payload }) => {
        // aws-jwt-verify only checks `exp` when present; Cognito always sets it.
        if (typeof payload.exp !== 'number') throw new TokenRejectedError('malformed');
        validateCognitoJwtFields(payload, { tokenUse: 'id', clientId: [...pool.clientIds] });
      },
    },
    // One cache per pool, alive as long as the module: the JWKS is fetched once per cold
    // start, and again only when a token names a key id the cache does not know (rotation).
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
}

/**
 * Verifies Cognito ID tokens of the customer and staff pools with aws-jwt-verify's generic
 * `JwtVerifier`: `CognitoJwtVerifier` derives the issuer from a pool id and so cannot accept
 * the sandbox's `http://127.0.0.1` issuers, while the generic one takes issuer and JWKS URI
 * as given and still enforces every Cognito rule through `validateCognitoJwtFields`.
 *
 * @example
 * ```ts
 * const verifier = new TokenVerifier(readAuthorizerConfig()); // module scope: keys stay cached
 * const { pool, claims } = await verifier.verify(token);      // throws AuthorizerError
 * ```
 */
export class TokenVerifier {
  private readonly byIssuer: ReadonlyMap<
    string,
    { readonly pool: Pool; readonly config: PoolConfig; readonly verifier: ReturnType<typeof poolVerifier> }
  >;

  constructor(config: AuthorizerConfig, options: TokenVerifierOptions = {}) {
    const fetcher = options.fetcher ?? new JwksFetcher();
    this.byIssuer = new Map(
      (['customer', 'staff'] as const).map((pool) => [
        config[pool].issuer,
        { pool, config: config[pool], verifier: poolVerifier(config[pool], fetcher) },
      ]),
    );
  }

  /** Resolves with the verified token, or rejects with a `TokenRejectedError` / `JwksUnavailableError`. */
  async verify(token: string): Promise<VerifiedToken> {
    let issuer: string | undefined;
    try {
      issuer = decomposeUnverifiedJwt(token).payload.iss;
    } catch (error) {
      throw toAuthorizerError(error, token, '(not fetched)');
    }
    // Choosing the pool by the unverified issuer is safe: that pool's verifier checks the
    // signature against that pool's keys and the issuer again. Unknown issuers cost no fetch.
    const entry = issuer === undefined ? undefined : this.byIssuer.get(issuer);
    if (!entry) throw new TokenRejectedError('wrong_issuer');
    try {
      const claims = await entry.verifier.verify(token);
      return { pool: entry.pool, claims };
    } catch (error) {
      throw toAuthorizerError(error, token, entry.config.jwksUri);
    }
  }
}
