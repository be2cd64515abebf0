import type { Invitation, Member, Tenant, TenantRole } from '@stratum/data';
import { InvitationStateError, TenantAlreadyExistsError } from '@stratum/data';
import type { IdentityStore } from '../src/assign-tenant.ts';
import type { TenantAttributes, TenantAttributeWriter } from '../src/tenant-attributes.ts';

/** Lets concurrent calls interleave the way network round trips would. */
const roundTrip = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * An in-memory stand-in for the parts of `DataStore` the trigger uses, with the store's
 * guarantees that matter here: `createWithOwner` refuses a taken tenant id and `accept`
 * refuses an invitation that is no longer pending (both are conditional writes in DynamoDB).
 * `findPendingByEmail` does not filter out expired invitations, as a query can still see
 * them until TTL deletion runs; the domain must check the expiry itself.
 */
export class InMemoryIdentityStore implements IdentityStore {
  readonly tenantsById = new Map<string, Tenant>();
  readonly memberList: Member[] = [];
  readonly invitationList: Invitation[] = [];
  failNextCreate: Error | null = null;
  /** Simulates the e-mail index not yet showing recent writes (GSIs are eventually consistent). */
  memberIndexLags = false;

  readonly tenants: IdentityStore['tenants'] = {
    createWithOwner: async ({ tenantId, name, owner }) => {
      await roundTrip();
      if (this.failNextCreate) {
        const error = this.failNextCreate;
        this.failNextCreate = null;
        throw error;
      }
      if (this.tenantsById.has(tenantId)) throw new TenantAlreadyExistsError(tenantId);
      const now = new Date().toISOString();
      const tenant: Tenant = { tenantId, name, createdAt: now };
      const member: Member = { tenantId, ...owner, role: 'owner', joinedAt: now };
      this.tenantsById.set(tenantId, tenant);
      this.memberList.push(member);
      return { tenant, owner: member };
    },
  };

  readonly members: IdentityStore['members'] = {
    findByEmail: async (email) => {
      await roundTrip();
      if (this.memberIndexLags) return null;
      return this.memberList.find((member) => member.email === email) ?? null;
    },
  };

  readonly invitations: IdentityStore['invitations'] = {
    findPendingByEmail: async (email) => {
      await roundTrip();
      return this.invitationList.find((i) => i.email === email && i.status === 'pending') ?? null;
    },
    accept: async (invitation, user) => {
      await roundTrip();
      const index = this.invitationList.findIndex((i) => i.invitationId === invitation.invitationId);
      const stored = this.invitationList[index];
      if (stored?.status !== 'pending')
        throw new InvitationStateError(invitation.invitationId, 'not-pending');
      this.invitationList[index] = { ...stored, status: 'accepted' };
      const member: Member = {
        tenantId: stored.tenantId,
        ...user,
        role: stored.role,
        joinedAt: new Date().toISOString(),
      };
      this.memberList.push(member);
      return member;
    },
  };

  invite(input: { tenantId: string; email: string; role: TenantRole; expiresInHours: number }): Invitation {
    const createdAt = new Date();
    const invitation: Invitation = {
      tenantId: input.tenantId,
      invitationId: `inv-${this.invitationList.length + 1}`,
      email: input.email,
      role: input.role,
      invitedBy: 'owner-1',
      status: 'pending',
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(createdAt.getTime() + input.expiresInHours * 3_600_000).toISOString(),
    };
    this.invitationList.push(invitation);
    return invitation;
  }
}

/** Records every attribute write instead of calling Cognito. */
export class RecordingAttributeWriter implements TenantAttributeWriter {
  readonly writes: { userPoolId: string; userName: string; tenant: TenantAttributes }[] = [];

  async write(user: { userPoolId: string; userName: string }, tenant: TenantAttributes): Promise<void> {
    this.writes.push({ userPoolId: user.userPoolId, userName: user.userName, tenant });
  }
}

/** A Cognito post-confirmation event, as the service sends it. */
export function postConfirmationEvent(
  overrides: { triggerSource?: string; userAttributes?: Record<string, string> } = {},
) {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Customers',
    userName: 'a1b2c3d4-user',
    triggerSource: overrides.triggerSource ?? 'PostConfirmation_ConfirmSignUp',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web-client' },
    request: {
      userAttributes: overrides.userAttributes ?? {
        sub: 'a1b2c3d4-0000-4000-8000-000000000001',
        email: 'Ada@Example.com',
        email_verified: 'true',
        'cognito:user_status': 'CONFIRMED',
      },
      clientMetadata: { 'x-correlation-id': 'signup-42' },
    },
    response: {},
  };
}
