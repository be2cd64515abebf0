import { createDataStore } from '@stratum/data';
import {
  createLocalClient,
  createTable,
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessGateway } from './support/federated-harness.ts';

/**
 * Gateway → users and todo subgraph handlers → `@stratum/data` → AWS's DynamoDB Local.
 * Only the Lambda Invoke hop is in-process; everything else is the production code path.
 */
const ada = {
  principalType: 'customer',
  userId: 'user-ada',
  tenantId: 'acme',
  role: 'owner',
  email: 'ada@acme.test',
  groups: '',
};
const alan = {
  principalType: 'customer',
  userId: 'user-alan',
  tenantId: 'acme',
  role: 'member',
  email: 'alan@acme.test',
  groups: '',
};
const bea = {
  principalType: 'customer',
  userId: 'user-bea',
  tenantId: 'bolt',
  role: 'owner',
  email: 'bea@bolt.test',
  groups: '',
};

let dynamo: DynamoDbLocal;
let gateway: ReturnType<typeof createInProcessGateway>;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  await createTable(dynamo.endpoint, 'stratum-int');
  const store = createDataStore({ tableName: 'stratum-int', client: createLocalClient(dynamo.endpoint) });
  await store.tenants.createWithOwner({
    tenantId: 'acme',
    name: 'Acme',
    owner: { userId: 'user-ada', email: 'ada@acme.test', displayName: 'Ada' },
  });
  await store.tenants.createWithOwner({
    tenantId: 'bolt',
    name: 'Bolt',
    owner: { userId: 'user-bea', email: 'bea@bolt.test', displayName: 'Bea' },
  });
  const invitation = await store.invitations.create(
    { tenantId: 'acme', userId: 'user-ada' },
    { email: 'alan@acme.test', role: 'member' },
  );
  await store.invitations.accept(invitation, {
    userId: 'user-alan',
    email: 'alan@acme.test',
    displayName: 'Alan',
  });
  gateway = createInProcessGateway(store);
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('federated GraphQL over DynamoDB Local', () => {
  it('creates todos and reads them back with their authors from the users subgraph', async () => {
    for (const [principal, title, dueDate] of [
      [ada, 'Draft the plan', '2026-04-01'],
      [alan, 'Review the plan', '2026-04-15'],
    ] as const) {
      const created = await gateway.graphql(
        principal,
        'mutation ($input: CreateTodoInput!) { createTodo(input: $input) { id version status } }',
        { input: { title, dueDate, tags: ['plan'] } },
      );
      expect(created.body.errors).toBeUndefined();
      expect(created.body.data.createTodo).toMatchObject({ version: 1, status: 'OPEN' });
    }
    const page = await gateway.graphql(
      ada,
      `{ todos(filter: { dueFrom: "2026-04-01", dueTo: "2026-04-30" }) {
           edges { node { title tags createdBy { displayName role } } } pageInfo { hasNextPage } } }`,
    );
    expect(page.body.errors).toBeUndefined();
    const nodes = page.body.data.todos.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toHaveLength(2);
    expect(nodes).toEqual(
      expect.arrayContaining([
        { title: 'Draft the plan', tags: ['plan'], createdBy: { displayName: 'Ada', role: 'OWNER' } },
        { title: 'Review the plan', tags: ['plan'], createdBy: { displayName: 'Alan', role: 'MEMBER' } },
      ]),
    );
  });

  it('runs every todo mutation with optimistic concurrency', async () => {
    const created = await gateway.graphql(
      ada,
      'mutation { createTodo(input: { title: "Life cycle" }) { id } }',
    );
    const id = created.body.data.createTodo.id;
    const updated = await gateway.graphql(
      ada,
      'mutation ($id: ID!) { updateTodo(id: $id, input: { notes: "n" }, expectedVersion: 1) { notes version } }',
      { id },
    );
    expect(updated.body.data.updateTodo).toEqual({ notes: 'n', version: 2 });
    const stale = await gateway.graphql(
      ada,
      'mutation ($id: ID!) { updateTodo(id: $id, input: { notes: "x" }, expectedVersion: 1) { id } }',
      { id },
    );
    expect(stale.body.errors[0].extensions).toEqual({ code: 'CONFLICT' });
    const done = await gateway.graphql(
      ada,
      'mutation ($id: ID!) { completeTodo(id: $id) { status completedAt } }',
      { id },
    );
    expect(done.body.data.completeTodo.status).toBe('DONE');
    const open = await gateway.graphql(
      ada,
      'mutation ($id: ID!) { reopenTodo(id: $id) { status completedAt } }',
      { id },
    );
    expect(open.body.data.reopenTodo).toEqual({ status: 'OPEN', completedAt: null });
    const deleted = await gateway.graphql(ada, 'mutation ($id: ID!) { deleteTodo(id: $id) }', { id });
    expect(deleted.body.data).toEqual({ deleteTodo: id });
    const gone = await gateway.graphql(ada, 'query ($id: ID!) { todo(id: $id) { id } }', { id });
    expect(gone.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('keeps tenant B away from tenant A todos in every operation', async () => {
    const created = await gateway.graphql(
      ada,
      'mutation { createTodo(input: { title: "Acme only" }) { id } }',
    );
    const id = created.body.data.createTodo.id;
    for (const query of [
      'query ($id: ID!) { todo(id: $id) { title } }',
      'mutation ($id: ID!) { updateTodo(id: $id, input: { title: "B was here" }, expectedVersion: 1) { id } }',
      'mutation ($id: ID!) { completeTodo(id: $id) { id } }',
      'mutation ($id: ID!) { reopenTodo(id: $id) { id } }',
      'mutation ($id: ID!) { deleteTodo(id: $id) }',
    ]) {
      const response = await gateway.graphql(bea, query, { id });
      expect(response.body.errors?.[0]?.extensions, query).toEqual({ code: 'NOT_FOUND' });
    }
    const list = await gateway.graphql(bea, '{ todos { edges { node { id } } } }');
    expect(list.body.data.todos.edges).toEqual([]);
    const still = await gateway.graphql(ada, 'query ($id: ID!) { todo(id: $id) { title version status } }', {
      id,
    });
    expect(still.body.data.todo).toEqual({ title: 'Acme only', version: 1, status: 'OPEN' });
  });

  it('pages members with real cursors and refuses a forged one naming `after`', async () => {
    const first = await gateway.graphql(
      ada,
      '{ members(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.body.data.members.pageInfo.hasNextPage).toBe(true);
    const next = await gateway.graphql(
      ada,
      'query ($after: String) { members(first: 1, after: $after) { edges { node { id } } } }',
      {
        after: first.body.data.members.pageInfo.endCursor,
      },
    );
    const ids = [first.body.data.members.edges[0].node.id, next.body.data.members.edges[0].node.id];
    expect(ids.sort()).toEqual(['user-ada', 'user-alan']);

    const forged = await gateway.graphql(
      ada,
      '{ members(after: "eyJwayI6InRlbmFudCNib2x0In0") { edges { cursor } } }',
    );
    expect(forged.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('lets the owner invite and revoke, and refuses the member', async () => {
    const invited = await gateway.graphql(
      ada,
      'mutation { inviteMember(email: "new@acme.test", role: MEMBER) { id status } }',
    );
    const { id, status } = invited.body.data.inviteMember;
    expect(status).toBe('PENDING');
    const refused = await gateway.graphql(alan, 'mutation ($id: ID!) { revokeInvitation(id: $id) { id } }', {
      id,
    });
    expect(refused.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
    const revoked = await gateway.graphql(
      ada,
      'mutation ($id: ID!) { revokeInvitation(id: $id) { status } }',
      { id },
    );
    expect(revoked.body.data.revokeInvitation).toEqual({ status: 'REVOKED' });
    const renamed = await gateway.graphql(ada, 'mutation { renameTenant(name: "Acme Inc") { name } }');
    expect(renamed.body.data.renameTenant).toEqual({ name: 'Acme Inc' });
    const me = await gateway.graphql(alan, '{ me { displayName tenant { name } } }');
    expect(me.body.data.me).toEqual({ displayName: 'Alan', tenant: { name: 'Acme Inc' } });
  });
});
