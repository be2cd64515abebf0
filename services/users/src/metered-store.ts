import type { DataStore, InvitationRepository } from '@stratum/data';
import { MetricUnit, type Observability } from '@stratum/runtime';

/**
 * The data store with the users business metric: `InvitationsSent`, counted when the
 * invitation was written (its e-mail goes out from the table's stream). Counted at the data
 * boundary so that the resolvers stay free of instrumentation; no tenant or user dimension.
 */
export function meteredUsersStore(store: DataStore, metrics: Observability['metrics']): DataStore {
  const inner = store.invitations;
  const invitations: InvitationRepository = {
    async create(scope, input) {
      const invitation = await inner.create(scope, input);
      metrics.addMetric('InvitationsSent', MetricUnit.Count, 1);
      return invitation;
    },
    list: (scope, query) => inner.list(scope, query),
    revoke: (scope, invitationId) => inner.revoke(scope, invitationId),
    findPendingByEmail: (email) => inner.findPendingByEmail(email),
    accept: (invitation, user) => inner.accept(invitation, user),
  };
  return { todos: store.todos, tenants: store.tenants, members: store.members, invitations };
}
