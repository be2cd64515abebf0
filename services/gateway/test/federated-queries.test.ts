import { describe, expect, it } from 'vitest';
import { createFederatedHarness, principals } from './support/federated-harness.ts';

const CREATE = `mutation Create($input: CreateTodoInput!) {
  createTodo(input: $input) { id title notes status dueDate tags version createdBy { id displayName } }
}`;

describe('federated queries through the gateway', () => {
  it('resolves Todo.createdBy through the users subgraph, in one _entities call per page', async () => {
    const harness = createFederatedHarness();
    await harness.graphql(principals.ownerA, CREATE, { input: { title: 'Write the ADR', tags: ['docs'] } });
    await harness.graphql(principals.memberA, CREATE, {
      input: { title: 'Review it', dueDate: '2026-03-01' },
    });
    harness.invocations.length = 0;

    const response = await harness.graphql(
      principals.ownerA,
      `{ todos(first: 10) { edges { node { title createdBy { displayName role tenant { name } } } } pageInfo { hasNextPage } } }`,
    );

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.todos.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { title: 'Write the ADR', createdBy: { displayName: 'Ada', role: 'OWNER', tenant: { name: 'Acme' } } },
      { title: 'Review it', createdBy: { displayName: 'Alan', role: 'MEMBER', tenant: { name: 'Acme' } } },
    ]);
    expect(response.body.data.todos.pageInfo).toEqual({ hasNextPage: false });
    expect(harness.invocations.map((call) => call.subgraph)).toEqual(['todo', 'users']);
    expect(harness.invocations[1]?.invocation.query).toContain('_entities');
  });

  it('forwards the principal and the correlation id to every subgraph', async () => {
    const harness = createFederatedHarness();
    const response = await harness.send(
      (await import('./support/federated-harness.ts')).httpEvent({
        principal: principals.memberA,
        headers: { 'x-correlation-id': 'corr-123' },
        body: JSON.stringify({ query: '{ me { displayName } todos { edges { node { id } } } }' }),
      }),
    );
    expect(response.headers['x-correlation-id']).toBe('corr-123');
    expect(response.body).toEqual({ data: { me: { displayName: 'Alan' }, todos: { edges: [] } } });
    expect(harness.invocations).toHaveLength(2);
    for (const { invocation } of harness.invocations) {
      expect(invocation.correlationId).toBe('corr-123');
      expect(invocation.principal).toEqual({
        principalType: 'customer',
        userId: 'user-a2',
        tenantId: 'tenant-a',
        role: 'member',
        email: 'alan@a.test',
        groups: [],
      });
    }
  });
});
