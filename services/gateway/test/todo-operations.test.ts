import { describe, expect, it } from 'vitest';
import { createFederatedHarness, principals } from './support/federated-harness.ts';

const TODO_FIELDS =
  'id title notes status dueDate tags createdAt updatedAt completedAt version createdBy { id displayName }';

async function createTodo(
  harness: ReturnType<typeof createFederatedHarness>,
  input: Record<string, unknown>,
) {
  const response = await harness.graphql(
    principals.ownerA,
    `mutation ($input: CreateTodoInput!) { createTodo(input: $input) { ${TODO_FIELDS} } }`,
    { input },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data.createTodo;
}

describe('todo operations through the gateway', () => {
  it('creates, reads, updates, completes, reopens and deletes a todo', async () => {
    const harness = createFederatedHarness();
    const created = await createTodo(harness, {
      title: '  Ship it ',
      notes: 'soon',
      dueDate: '2026-02-01',
      tags: ['x'],
    });
    expect(created).toMatchObject({
      title: 'Ship it',
      notes: 'soon',
      status: 'OPEN',
      dueDate: '2026-02-01',
      tags: ['x'],
      completedAt: null,
      version: 1,
      createdBy: { id: 'user-a1', displayName: 'Ada' },
    });
    expect(created.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);

    const read = await harness.graphql(
      principals.memberA,
      `query ($id: ID!) { todo(id: $id) { ${TODO_FIELDS} } }`,
      {
        id: created.id,
      },
    );
    expect(read.body).toEqual({ data: { todo: created } });

    const updated = await harness.graphql(
      principals.memberA,
      `mutation ($id: ID!) { updateTodo(id: $id, input: { title: "Ship it now", notes: null }, expectedVersion: 1) { title notes dueDate version } }`,
      { id: created.id },
    );
    expect(updated.body).toEqual({
      data: { updateTodo: { title: 'Ship it now', notes: null, dueDate: '2026-02-01', version: 2 } },
    });

    const completed = await harness.graphql(
      principals.ownerA,
      `mutation ($id: ID!) { completeTodo(id: $id) { status completedAt version } }`,
      { id: created.id },
    );
    expect(completed.body.data.completeTodo).toMatchObject({ status: 'DONE', version: 3 });
    expect(completed.body.data.completeTodo.completedAt).toEqual(expect.any(String));

    const reopened = await harness.graphql(
      principals.ownerA,
      `mutation ($id: ID!) { reopenTodo(id: $id) { status completedAt version } }`,
      { id: created.id },
    );
    expect(reopened.body.data.reopenTodo).toEqual({ status: 'OPEN', completedAt: null, version: 4 });

    const deleted = await harness.graphql(principals.ownerA, 'mutation ($id: ID!) { deleteTodo(id: $id) }', {
      id: created.id,
    });
    expect(deleted.body).toEqual({ data: { deleteTodo: created.id } });
    const gone = await harness.graphql(principals.ownerA, 'query ($id: ID!) { todo(id: $id) { id } }', {
      id: created.id,
    });
    expect(gone.body.data).toEqual({ todo: null });
    expect(gone.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('filters by status and due date and pages with cursors', async () => {
    const harness = createFederatedHarness();
    for (const [title, dueDate] of [
      ['a', '2026-01-10'],
      ['b', '2026-01-20'],
      ['c', '2026-01-30'],
      ['d', null],
    ] as const) {
      await createTodo(harness, { title, dueDate });
    }
    const query = `query ($filter: TodoFilter, $after: String) {
      todos(filter: $filter, first: 2, after: $after) { edges { cursor node { title } } pageInfo { hasNextPage endCursor } }
    }`;
    const first = await harness.graphql(principals.ownerA, query, { filter: { dueFrom: '2026-01-15' } });
    expect(first.body.data.todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'b',
      'c',
    ]);
    expect(first.body.data.todos.pageInfo).toEqual({ hasNextPage: false, endCursor: null });

    const page1 = await harness.graphql(principals.ownerA, query, {});
    expect(page1.body.data.todos.pageInfo.hasNextPage).toBe(true);
    const endCursor = page1.body.data.todos.pageInfo.endCursor;
    expect(page1.body.data.todos.edges.at(-1).cursor).toBe(endCursor);
    const page2 = await harness.graphql(principals.ownerA, query, { after: endCursor });
    expect(page2.body.data.todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'c',
      'd',
    ]);

    const firstId = (
      await harness.graphql(principals.ownerA, '{ todos(first: 1) { edges { node { id } } } }')
    ).body.data.todos.edges[0].node.id;
    await harness.graphql(principals.ownerA, 'mutation ($id: ID!) { completeTodo(id: $id) { id } }', {
      id: firstId,
    });
    const done = await harness.graphql(principals.ownerA, query, { filter: { status: 'DONE' } });
    expect(done.body.data.todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['a']);
  });

  it('answers CONFLICT when expectedVersion is stale, and leaves the todo unchanged', async () => {
    const harness = createFederatedHarness();
    const created = await createTodo(harness, { title: 'v1' });
    const stale = await harness.graphql(
      principals.ownerA,
      'mutation ($id: ID!) { updateTodo(id: $id, input: { title: "v2" }, expectedVersion: 7) { id } }',
      { id: created.id },
    );
    expect(stale.status).toBe(200);
    expect(stale.body.data).toBeNull();
    expect(stale.body.errors[0]).toMatchObject({ path: ['updateTodo'], extensions: { code: 'CONFLICT' } });
    const read = await harness.graphql(
      principals.ownerA,
      'query ($id: ID!) { todo(id: $id) { title version } }',
      {
        id: created.id,
      },
    );
    expect(read.body.data.todo).toEqual({ title: 'v1', version: 1 });
  });

  it.each([
    ['an id that is not a ULID', 'query { todo(id: "not-a-ulid") { id } }', 'id'],
    ['an empty title', 'mutation { createTodo(input: { title: "   " }) { id } }', 'input.title'],
    [
      'an impossible due date',
      'mutation { createTodo(input: { title: "t", dueDate: "2026-02-30" }) { id } }',
      'input.dueDate',
    ],
    [
      'too many tags',
      `mutation { createTodo(input: { title: "t", tags: [${'"x",'.repeat(21)}] }) { id } }`,
      'input.tags',
    ],
    [
      'a malformed filter date',
      'query { todos(filter: { dueFrom: "tomorrow" }) { edges { cursor } } }',
      'filter.dueFrom',
    ],
    [
      'an inverted date range',
      'query { todos(filter: { dueFrom: "2026-02-01", dueTo: "2026-01-01" }) { edges { cursor } } }',
      'filter.dueTo',
    ],
    ['a page size over 100', 'query { todos(first: 101) { edges { cursor } } }', 'first'],
    [
      'an update that changes nothing',
      'mutation { updateTodo(id: "01JZ0000000000000000000001", input: {}, expectedVersion: 1) { id } }',
      'input',
    ],
    [
      'a non-positive expectedVersion',
      'mutation { updateTodo(id: "01JZ0000000000000000000001", input: { title: "x" }, expectedVersion: 0) { id } }',
      'expectedVersion',
    ],
    ['a malformed id on delete', 'mutation { deleteTodo(id: "../other-tenant") }', 'id'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, query, field) => {
    const harness = createFederatedHarness();
    const response = await harness.graphql(principals.ownerA, query);
    expect(response.status).toBe(200);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(response.body.errors[0].message).toContain(field);
  });

  it('refuses staff and tenant-less principals', async () => {
    const harness = createFederatedHarness();
    const staff = await harness.graphql(principals.staff, '{ todos { edges { cursor } } }');
    expect(staff.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const orphan = await harness.graphql(
      principals.noTenant,
      'mutation { createTodo(input: { title: "x" }) { id } }',
    );
    expect(orphan.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(harness.store.todosByTenant.size).toBe(0);
  });
});
