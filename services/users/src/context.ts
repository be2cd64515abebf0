import type {
  AnalyticsRepository,
  DataStore,
  DeviceRepository,
  TenantRole,
  TenantScope,
} from '@stratum/data';
import type { Principal } from '@stratum/gateway/protocol';
import type { Observability } from '@stratum/runtime';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';
import type { PushEndpoints } from './push/sns-push-endpoints.ts';

/** What every resolver receives. `principal` was verified upstream (see `createSubgraphHandler` in @stratum/subgraph). */
export interface UsersContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly data: DataStore;
  /** Staff reads of the counters the analytics service keeps. */
  readonly analytics: AnalyticsRepository;
  readonly devices: DeviceRepository;
  /** The stage's SNS push application; null when push is not configured for the stage. */
  readonly push: PushEndpoints | null;
  readonly logger: Observability['logger'];
}

/**
 * The tenant scope of a customer principal. The tenant and user ids come ONLY from the
 * principal, never from arguments. Staff have no tenant, so customer operations are refused.
 */
export function customerScope(context: UsersContext): TenantScope {
  const { principal } = context;
  if (principal.principalType !== 'customer') {
    throw new ForbiddenError('Staff principals cannot call customer tenant operations.');
  }
  if (!principal.tenantId) {
    throw new UnauthenticatedError('The signed-in user does not belong to a tenant.');
  }
  return { tenantId: principal.tenantId, userId: principal.userId };
}

/** Staff-only operations: a customer of any role gets FORBIDDEN before anything is read. */
export function assertStaff(context: UsersContext): void {
  if (context.principal.principalType !== 'staff') {
    throw new ForbiddenError('Only staff can call this operation.');
  }
}

/**
 * Owner-only operations check the role stored on the membership, not the token's claim, so a
 * demoted owner loses the right at once rather than when the token expires.
 */
export async function ownerScope(context: UsersContext): Promise<TenantScope> {
  const scope = customerScope(context);
  const member = await context.data.members.get(scope, scope.userId);
  const owner: TenantRole = 'owner';
  if (member.role !== owner) {
    throw new ForbiddenError('Only an owner of the tenant can do this.');
  }
  return scope;
}
