import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import * as z from 'zod/mini';
import { TokenRejectedError } from './errors.ts';
import type { VerifiedToken } from './token-verifier.ts';

export const STAFF_GROUP = 'staff';

export interface CustomerPrincipal {
  readonly type: 'customer';
  readonly userId: string;
  readonly tenantId: string;
  readonly role: 'owner' | 'member';
  readonly groups: readonly string[];
  readonly email: string;
}

export interface StaffPrincipal {
  readonly type: 'staff';
  readonly userId: string;
  readonly groups: readonly string[];
  readonly email: string;
}

export type Principal = CustomerPrincipal | StaffPrincipal;

/**
 * The tenant claims written by the post-confirmation trigger. The id becomes the first part
 * of every table key, so only characters that cannot break a key are accepted.
 */
const tenantClaims = z.object({
  'custom:tenant_id': z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  'custom:tenant_role': z.enum(['owner', 'member']),
});

function groupsOf(claims: JwtPayload): string[] {
  const groups = claims['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
}

/**
 * Decides who a verified token speaks for. Whether the caller is staff depends on the pool
 * that signed the token; a `staff` group inside a customer token is refused outright, since
 * the customer pool has no such group and its presence means misconfiguration or tampering.
 */
export function principalFrom({ pool, claims }: VerifiedToken): Principal {
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new TokenRejectedError('malformed');
  const groups = groupsOf(claims);
  const email = typeof claims.email === 'string' ? claims.email : '';
  if (pool === 'staff') {
    if (!groups.includes(STAFF_GROUP)) throw new TokenRejectedError('not_staff');
    return { type: 'staff', userId: claims.sub, groups, email };
  }
  if (groups.includes(STAFF_GROUP)) throw new TokenRejectedError('customer_claims_staff');
  const tenant = tenantClaims.safeParse(claims);
  if (!tenant.success) throw new TokenRejectedError('missing_tenant');
  return {
    type: 'customer',
    userId: claims.sub,
    tenantId: tenant.data['custom:tenant_id'],
    role: tenant.data['custom:tenant_role'],
    groups,
    email,
  };
}

/** What the integration receives as `requestContext.authorizer.lambda`: flat strings only. */
export type AuthorizerContext = Readonly<Record<string, string>>;

export function authorizerContextOf(principal: Principal): AuthorizerContext {
  const common = { userId: principal.userId, groups: principal.groups.join(','), email: principal.email };
  return principal.type === 'customer'
    ? { principalType: 'customer', ...common, tenantId: principal.tenantId, role: principal.role }
    : { principalType: 'staff', ...common };
}
