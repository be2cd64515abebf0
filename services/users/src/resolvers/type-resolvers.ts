import {
  ANALYTICS_COUNTERS,
  type Device,
  type Invitation,
  type Member,
  MemberNotFoundError,
  type Tenant,
  type TenantCounters,
} from '@stratum/data';
import { customerScope, type UsersContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { pageArguments } from '../input.ts';
import { pushServiceOf } from '../push/push-service.ts';
import { toConnection } from './connection.ts';

/**
 * Scope for reading inside a tenant object that the caller already holds. A customer only ever
 * receives their own tenant; the check below is defence in depth. Staff read any tenant they
 * listed (support tooling), always under their own user id.
 */
function scopeOf(tenant: Tenant, context: UsersContext) {
  if (context.principal.principalType === 'customer') {
    const scope = customerScope(context);
    if (scope.tenantId !== tenant.tenantId) throw new ForbiddenError('This tenant is not yours.');
    return scope;
  }
  return { tenantId: tenant.tenantId, userId: context.principal.userId };
}

export const typeResolvers = {
  /** GraphQL enum names ↔ the data layer's lower-case values, both ways (args and results). */
  Role: { OWNER: 'owner', MEMBER: 'member' },
  InvitationStatus: { PENDING: 'pending', ACCEPTED: 'accepted', REVOKED: 'revoked' },

  User: {
    /**
     * Entity resolution for other subgraphs (Todo.createdBy). A user who has left the tenant
     * resolves to null rather than failing the whole todo.
     */
    __resolveReference: async (reference: { id: string }, context: UsersContext): Promise<Member | null> => {
      try {
        return await context.data.members.get(customerScope(context), reference.id);
      } catch (error) {
        if (error instanceof MemberNotFoundError) return null;
        throw error;
      }
    },
    id: (member: Member) => member.userId,
    tenant: (member: Member, _: unknown, context: UsersContext) =>
      context.data.tenants.get({ tenantId: member.tenantId, userId: context.principal.userId }),
  },

  Tenant: {
    id: (tenant: Tenant) => tenant.tenantId,
    members: async (tenant: Tenant, args: Record<string, unknown>, context: UsersContext) =>
      toConnection(await context.data.members.list(scopeOf(tenant, context), pageArguments(args))),
  },

  Invitation: {
    id: (invitation: Invitation) => invitation.invitationId,
  },

  /** APNS and APNS_SANDBOX are both APNs to the client; SNS's GCM is FCM. */
  Device: {
    platform: (device: Device) => pushServiceOf(device.platform),
  },

  /** A day of `TenantAnalytics.days` is the day plus its counters, nested for the client. */
  AnalyticsDay: {
    counters: (day: TenantCounters): TenantCounters =>
      Object.fromEntries(ANALYTICS_COUNTERS.map((name) => [name, day[name]])) as TenantCounters,
  },
};
