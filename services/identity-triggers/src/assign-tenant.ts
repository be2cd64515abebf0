import type {
  Invitation,
  InvitationRepository,
  Member,
  MemberRepository,
  TenantRepository,
  TenantRole,
} from '@stratum/data';
import { TenantAlreadyExistsError } from '@stratum/data';
import type { ConfirmedUser } from './confirmed-user.ts';
import { TenantAssignmentError } from './errors.ts';
import type { TenantAttributeWriter } from './tenant-attributes.ts';
import { foundingTenantId } from './tenant-id.ts';

type Profile = { readonly userId: string; readonly email: string; readonly displayName: string };

export type AssignmentOutcome = 'founded-tenant' | 'accepted-invitation' | 'already-member';

export interface TenantAssignment {
  readonly tenantId: string;
  readonly role: TenantRole;
  readonly outcome: AssignmentOutcome;
}

/** The part of the `DataStore` the assignment uses; a `DataStore` satisfies it. */
export interface IdentityStore {
  readonly tenants: Pick<TenantRepository, 'createWithOwner'>;
  readonly members: Pick<MemberRepository, 'findByEmail'>;
  readonly invitations: Pick<InvitationRepository, 'findPendingByEmail' | 'accept'>;
}

export interface AssignTenantDependencies {
  readonly store: IdentityStore;
  readonly attributes: TenantAttributeWriter;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** The default name of a tenant founded by `user`: "ada's team". */
export function defaultTenantName(user: ConfirmedUser): string {
  return `${user.email.slice(0, user.email.indexOf('@'))}'s team`;
}

/** The user's own membership, or null. A membership of the same e-mail held by another user id is an error. */
async function membershipOf(user: ConfirmedUser, store: IdentityStore): Promise<Member | null> {
  const member = await store.members.findByEmail(user.email);
  if (member && member.userId !== user.userId) {
    throw new TenantAssignmentError(
      `The e-mail ${user.email} already belongs to user ${member.userId} in tenant ${member.tenantId}; ` +
        'remove that membership before this user can be assigned',
      user.userId,
    );
  }
  return member;
}

/** Member index reads are eventually consistent: a concurrent run's write may take a moment to show. */
const RECHECK_DELAYS_MS = [0, 150, 400];

/**
 * Runs `write`; if it fails, checks whether a concurrent attempt (Cognito retries a trigger
 * that times out, possibly while the first run is still going) has placed the user already.
 */
async function orConcurrentMembership(
  user: ConfirmedUser,
  store: IdentityStore,
  write: () => Promise<Member>,
): Promise<Member> {
  try {
    return await write();
  } catch (error) {
    for (const delay of RECHECK_DELAYS_MS) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const member = await membershipOf(user, store).catch(() => null);
      if (member) return member;
    }
    throw new TenantAssignmentError(`Could not assign user ${user.userId} to a tenant`, user.userId, {
      cause: error,
    });
  }
}

/** Founds the user's own tenant. Its id is derived from the user, so "already exists" means "founded by us". */
async function foundTenant(user: ConfirmedUser, store: IdentityStore, profile: Profile): Promise<Member> {
  const tenantId = foundingTenantId(user.userPoolId, user.userId);
  try {
    const { owner } = await store.tenants.createWithOwner({
      tenantId,
      name: user.requestedTenantName ?? defaultTenantName(user),
      owner: profile,
    });
    return owner;
  } catch (error) {
    if (!(error instanceof TenantAlreadyExistsError)) throw error;
    // An overlapping run founded it (in one transaction with the owner membership).
    return { tenantId, ...profile, role: 'owner', joinedAt: new Date().toISOString() };
  }
}

function isUsable(invitation: Invitation | null, now: Date): invitation is Invitation {
  // The store promises pending, unexpired invitations; checked again here because TTL deletion
  // lags by up to two days and an expired invitation must never grant access.
  return (
    invitation !== null && invitation.status === 'pending' && Date.parse(invitation.expiresAt) > now.getTime()
  );
}

/**
 * Places a newly confirmed user in a tenant and writes the tenant claims to the user pool.
 *
 * - Already a member (a retried trigger): nothing is created; the claims are written again.
 * - A pending, unexpired invitation for the e-mail: it is accepted, with the invited role.
 * - Otherwise a tenant is founded with the user as its owner, named after the sign-up form's
 *   `custom:tenant_name`, else "<local part>'s team".
 *
 * @example
 * ```ts
 * const { tenantId, role } = await assignTenant(user, { store, attributes });
 * ```
 */
export async function assignTenant(
  user: ConfirmedUser,
  deps: AssignTenantDependencies,
): Promise<TenantAssignment> {
  const { store, attributes } = deps;
  const profile: Profile = { userId: user.userId, email: user.email, displayName: user.displayName };
  let outcome: AssignmentOutcome = 'already-member';
  let member = await membershipOf(user, store);
  if (!member) {
    const invitation = await store.invitations.findPendingByEmail(user.email);
    if (isUsable(invitation, (deps.now ?? (() => new Date()))())) {
      outcome = 'accepted-invitation';
      member = await orConcurrentMembership(user, store, () => store.invitations.accept(invitation, profile));
    } else {
      outcome = 'founded-tenant';
      member = await orConcurrentMembership(user, store, () => foundTenant(user, store, profile));
    }
  }
  await attributes.write(user, { tenantId: member.tenantId, role: member.role });
  return { tenantId: member.tenantId, role: member.role, outcome };
}
