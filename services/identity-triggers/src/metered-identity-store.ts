import { MetricUnit, type Observability } from '@stratum/runtime';
import type { IdentityStore } from './assign-tenant.ts';

/**
 * The identity store with the sign-up business metrics, counted when the write succeeded:
 * `TenantsCreated` (a tenant founded; not when an overlapping retry had founded it already) and
 * `InvitationsAccepted`. No tenant or user dimension: that would be one metric per tenant.
 */
export function meteredIdentityStore(store: IdentityStore, metrics: Observability['metrics']): IdentityStore {
  return {
    members: store.members,
    tenants: {
      async createWithOwner(input) {
        const created = await store.tenants.createWithOwner(input);
        metrics.addMetric('TenantsCreated', MetricUnit.Count, 1);
        return created;
      },
    },
    invitations: {
      findPendingByEmail: (email) => store.invitations.findPendingByEmail(email),
      async accept(invitation, user) {
        const member = await store.invitations.accept(invitation, user);
        metrics.addMetric('InvitationsAccepted', MetricUnit.Count, 1);
        return member;
      },
    },
  };
}
