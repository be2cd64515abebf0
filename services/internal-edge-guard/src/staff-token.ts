import { JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { FetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { AccessDeniedError, SiteConfigUnavailableError } from './errors.ts';
import { JwksFetcher } from './jwks-fetcher.ts';
import type { StaffPool } from './site-config.ts';

/** The group every member of staff belongs to (infra/src/app/staff-user-pool.ts, `STAFF_GROUP`). */
export const STAFF_GROUP = 'staff';

function createVerifier(pool: StaffPool, fetcher: Fetcher) {
  return JwtVerifier.create(
    {
      issuer: pool.issuer,
      jwksUri: pool.jwksUri,
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (typeof payload.exp !== 'number') throw new AccessDeniedError('invalid_token');
        validateCognitoJwtFields(payload, { tokenUse: 'id', clientId: pool.clientId });
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
}

/**
 * Verifies the staff ID token of the cookie with aws-jwt-verify: RS256 signature by the staff
 * pool's key, issuer, app client (`aud`), `token_use: id`, expiry, and membership of the `staff`
 * group. The same rules as the API's authorizer for staff, so the edge never admits someone the
 * API would refuse. Verifiers (and their key caches) live as long as the warm container.
 */
export class StaffTokenVerifier {
  private readonly verifiers = new Map<string, ReturnType<typeof createVerifier>>();

  constructor(private readonly fetcher: Fetcher = new JwksFetcher()) {}

  /** Resolves with the claims, or rejects with `AccessDeniedError` (or `SiteConfigUnavailableError` when keys cannot be fetched). */
  async verify(token: string, pool: StaffPool): Promise<JwtPayload> {
    const key = `${pool.issuer} ${pool.clientId}`;
    let verifier = this.verifiers.get(key);
    if (!verifier) {
      verifier = createVerifier(pool, this.fetcher);
      this.verifiers.set(key, verifier);
    }
    let claims: JwtPayload;
    try {
      claims = await verifier.verify(token);
    } catch (error) {
      if (error instanceof AccessDeniedError) throw error;
      if (error instanceof FetchError) {
        throw new SiteConfigUnavailableError(pool.jwksUri, error.message, { cause: error });
      }
      throw new AccessDeniedError('invalid_token', { cause: error });
    }
    const groups = claims['cognito:groups'];
    if (!Array.isArray(groups) || !groups.includes(STAFF_GROUP)) throw new AccessDeniedError('not_staff');
    return claims;
  }
}
