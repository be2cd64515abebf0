import type { DataStore, TodoRepository } from '@stratum/data';
import { MetricUnit, type Observability } from '@stratum/runtime';

/**
 * The data store with the todo business metrics: `TodosCreated` and `TodosCompleted` are
 * counted when the write succeeded, at the data boundary, so that the resolvers stay free of
 * instrumentation. No dimension names a tenant or a user: that would be one metric per tenant.
 */
export function meteredTodoStore(store: DataStore, metrics: Observability['metrics']): DataStore {
  const inner = store.todos;
  const todos: TodoRepository = {
    async create(scope, input) {
      const todo = await inner.create(scope, input);
      metrics.addMetric('TodosCreated', MetricUnit.Count, 1);
      return todo;
    },
    async setStatus(scope, todoId, status, expectedVersion) {
      const todo = await inner.setStatus(scope, todoId, status, expectedVersion);
      if (status === 'done') metrics.addMetric('TodosCompleted', MetricUnit.Count, 1);
      return todo;
    },
    get: (scope, todoId) => inner.get(scope, todoId),
    list: (scope, query) => inner.list(scope, query),
    update: (scope, todoId, patch, expectedVersion) => inner.update(scope, todoId, patch, expectedVersion),
    delete: (scope, todoId) => inner.delete(scope, todoId),
  };
  return { todos, tenants: store.tenants, members: store.members, invitations: store.invitations };
}
