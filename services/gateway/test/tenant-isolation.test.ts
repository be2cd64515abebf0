import { describe, expect, it } from 'vitest';
import { createFederatedHarness, principals, TENANT_A } from './support/federated-harness.ts';

/**
 * Tenant B knows the id of one of tenant A's todos (and of one of its invitations) and tries
 * every operation on it. Each must behave as if the item did not exist, and A's data must not
 * change. The fake store scopes by tenant the way the data contract requires.
 */
describe('tenant isolation', () => {
  async function setUp() {
    const harness = createFederatedHarness();
    const created = await harness.graphql(
      principals.ownerA,
      'mutation { createTodo(input: { title: "A secret", notes: "for A only" }) { id } }',
    );
    const invited = await harness.graphql(
      principals.ownerA,
      'mutation { inviteMember(email: "friend@a.test", role: MEMBER) { id } }',
    );
    return {
      harness,
      todoId: created.body.data.createTodo.id as string,
      invitationId: invited.body.data.inviteMember.id as string,
    };
  }

  it.each([
    ['todo', 'query ($id: ID!) { todo(id: $id) { id title } }'],
    [
      'updateTodo',
      'mutation ($id: ID!) { updateTodo(id: $id, input: { title: "pwned" }, expectedVersion: 1) { id } }',
    ],
    ['completeTodo', 'mutation ($id: ID!) { completeTodo(id: $id) { id } }'],
    ['reopenTodo', 'mutation ($id: ID!) { reopenTodo(id: $id) { id } }'],
    ['deleteTodo', 'mutation ($id: ID!) { deleteTodo(id: $id) }'],
  ])('tenant B gets NOT_FOUND from %s on a todo of tenant A', async (field, query) => {
    const { harness, todoId } = await setUp();
    const response = await harness.graphql(principals.ownerB, query, { id: todoId });
    expect(response.status).toBe(200);
    expect(response.body.data?.[field] ?? null).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: [field], extensions: { code: 'NOT_FOUND' } }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain('A secret');

    const stillThere = harness.store.todosByTenant.get(TENANT_A)?.get(todoId);
    expect(stillThere).toMatchObject({ title: 'A secret', status: 'open', version: 1 });
  });

  it('tenant B lists only its own todos, members and invitations', async () => {
    const { harness } = await setUp();
    const response = await harness.graphql(
      principals.ownerB,
      `{ todos { edges { node { id } } } members { edges { node { id } } } invitations { id } tenant { name } }`,
    );
    expect(response.body).toEqual({
      data: {
        todos: { edges: [] },
        members: { edges: [{ node: { id: 'user-b1' } }] },
        invitations: [],
        tenant: { name: 'Bolt' },
      },
    });
  });

  it('tenant B cannot revoke an invitation of tenant A, nor rename A, nor edit A members', async () => {
    const { harness, invitationId } = await setUp();
    const revoke = await harness.graphql(
      principals.ownerB,
      'mutation ($id: ID!) { revokeInvitation(id: $id) { id } }',
      {
        id: invitationId,
      },
    );
    expect(revoke.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(harness.store.invitationsByTenant.get(TENANT_A)?.get(invitationId)?.status).toBe('pending');

    await harness.graphql(principals.ownerB, 'mutation { renameTenant(name: "Bolt 2") { name } }');
    await harness.graphql(principals.ownerB, 'mutation { updateProfile(displayName: "B") { id } }');
    expect(harness.store.tenantsById.get(TENANT_A)?.name).toBe('Acme');
    expect(
      [...(harness.store.membersByTenant.get(TENANT_A)?.values() ?? [])].map((m) => m.displayName),
    ).toEqual(['Ada', 'Alan']);
  });

  it('resolves createdBy only within the caller tenant', async () => {
    const { harness } = await setUp();
    // Same user id in another tenant: the entity lookup must use the caller's tenant, never B's.
    harness.store.membersByTenant.get('tenant-b')?.set('user-a1', {
      tenantId: 'tenant-b',
      userId: 'user-a1',
      email: 'i@b.test',
      displayName: 'Impostor',
      role: 'member',
      joinedAt: '2026-01-01T00:00:00.000Z',
    });
    const a = await harness.graphql(
      principals.ownerA,
      '{ todos { edges { node { createdBy { displayName } } } } }',
    );
    expect(a.body.data.todos.edges[0].node.createdBy).toEqual({ displayName: 'Ada' });
    const usersCall = harness.invocations.at(-1);
    expect(usersCall?.subgraph).toBe('users');
    expect(usersCall?.invocation.principal).toMatchObject({ tenantId: TENANT_A });
  });
});
