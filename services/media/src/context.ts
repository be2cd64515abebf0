import type { MediaRepository, TenantScope } from '@stratum/data';
import type { Principal } from '@stratum/gateway/protocol';
import type { Observability } from '@stratum/runtime';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';
import type { MediaStorage } from './storage/media-storage.ts';

/** What every resolver receives. `principal` was verified upstream (see `createSubgraphHandler`). */
export interface MediaContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly media: MediaRepository;
  readonly storage: MediaStorage;
  readonly logger: Observability['logger'];
}

/**
 * The tenant scope of the caller. Tenant and user ids come ONLY from the principal, never from
 * arguments. Media belong to customer tenants: staff principals have none and are refused.
 */
export function tenantScope(context: MediaContext): TenantScope {
  const { principal } = context;
  if (principal.principalType !== 'customer') {
    throw new ForbiddenError('Staff principals cannot call customer tenant operations.');
  }
  if (!principal.tenantId) {
    throw new UnauthenticatedError('The signed-in user does not belong to a tenant.');
  }
  return { tenantId: principal.tenantId, userId: principal.userId };
}
