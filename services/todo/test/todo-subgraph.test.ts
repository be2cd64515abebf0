import { DataValidationError } from '@stratum/data';
import { createObservability } from '@stratum/runtime';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryDataStore } from '../../gateway/test/support/in-memory-data-store.ts';
import { createTodoHandler } from '../src/todo-handler.ts';

const ada = { principalType: 'customer', userId: 'user-a1', tenantId: 'tenant-a', role: 'owner', groups: [] };

function setUp() {
  const store = new InMemoryDataStore();
  const { logger } = createObservability('todo-test');
  logger.setLogLevel('SILENT');
  vi.spyOn(logger, 'error');
  const handler = createTodoHandler({ dataStore: () => store, logger });
  const run = (query: string, variables?: Record<string, unknown>, principal: object = ada) =>
    handler({ query, variables, principal, correlationId: 'c1' });
  return { store, run };
}

describe('todo subgraph handler', () => {
  it('returns createdBy as a User reference for the gateway to resolve', async () => {
    const { run } = setUp();
    const result = await run(
      'mutation { createTodo(input: { title: "t" }) { createdBy { __typename id } } }',
    );
    expect(result).toEqual({ data: { createTodo: { createdBy: { __typename: 'User', id: 'user-a1' } } } });
  });

  it('tells an omitted field (unchanged) from an explicit null (cleared) on update', async () => {
    const { run, store } = setUp();
    const todo = await store.todos.create(
      { tenantId: 'tenant-a', userId: 'user-a1' },
      { title: 't', notes: 'n', dueDate: '2026-05-01' },
    );
    const result = await run(
      'mutation ($id: ID!, $input: UpdateTodoInput!) { updateTodo(id: $id, input: $input, expectedVersion: 1) { title notes dueDate } }',
      { id: todo.todoId, input: { dueDate: null } },
    );
    expect(result).toEqual({ data: { updateTodo: { title: 't', notes: 'n', dueDate: null } } });
  });

  it('passes the filter to the data layer in its own vocabulary', async () => {
    const { run, store } = setUp();
    const list = vi.spyOn(store.todos, 'list');
    await run(
      '{ todos(filter: { status: DONE, dueFrom: "2026-01-01", dueTo: "2026-01-31" }, first: 5, after: "abc") { edges { cursor } } }',
    );
    expect(list).toHaveBeenCalledWith(
      { tenantId: 'tenant-a', userId: 'user-a1' },
      { status: 'done', dueFrom: '2026-01-01', dueTo: '2026-01-31', limit: 5, cursor: 'abc' },
    );
  });

  it('takes the tenant from the principal only, and never reads the table for a bad id', async () => {
    const { run, store } = setUp();
    const get = vi.spyOn(store.todos, 'get');
    const bad = await run('{ todo(id: "01JZ000000000000000000000I") { id } }');
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(get).not.toHaveBeenCalled();

    await run('{ todo(id: "01JZ0000000000000000000001") { id } }');
    expect(get).toHaveBeenCalledWith(
      { tenantId: 'tenant-a', userId: 'user-a1' },
      '01JZ0000000000000000000001',
    );
  });

  it('refuses staff (FORBIDDEN) and customers without a tenant (UNAUTHENTICATED)', async () => {
    const { run } = setUp();
    const staff = await run('{ todos { edges { cursor } } }', undefined, {
      principalType: 'staff',
      userId: 's',
      groups: [],
    });
    expect(staff.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    const orphan = await run('{ todos { edges { cursor } } }', undefined, {
      principalType: 'customer',
      userId: 'u',
      groups: [],
    });
    expect(orphan.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['query.dueTo', 'filter.dueTo'],
    ['query.cursor', 'after'],
    ['patch.title', 'input.title'],
  ])('names the GraphQL argument for the data-layer field %s', async (dataField, argument) => {
    const { run, store } = setUp();
    store.todos.list = async () => {
      throw new DataValidationError(dataField, 'is wrong');
    };
    const result = await run('{ todos { edges { cursor } } }');
    expect(result.errors?.[0]).toMatchObject({
      message: `Invalid ${argument}: is wrong.`,
      extensions: { code: 'BAD_USER_INPUT', field: argument },
    });
  });

  it('treats a malformed scope from the principal as an internal error, not bad input', async () => {
    const { run, store } = setUp();
    store.todos.list = async () => {
      throw new DataValidationError('scope.tenantId', 'must be 1-64 letters, digits, - or _');
    };
    const result = await run('{ todos { edges { cursor } } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL' },
    });
  });
});
