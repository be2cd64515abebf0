import { describe, expect, it } from 'vitest';
import { DataValidationError, TodoNotFoundError, VersionConflictError } from '../src/index.ts';
import { newScope, useLocalStore } from './support/local-store.ts';

const local = useLocalStore();

describe('todos', () => {
  it('creates and gets a todo with a ULID id and version 1', async () => {
    const scope = newScope();
    const todo = await local.store.todos.create(scope, {
      title: ' Write tests ',
      tags: ['qa'],
      dueDate: '2030-01-31',
    });
    expect(todo).toMatchObject({
      tenantId: scope.tenantId,
      title: 'Write tests',
      notes: null,
      status: 'open',
      dueDate: '2030-01-31',
      tags: ['qa'],
      createdBy: scope.userId,
      completedAt: null,
      version: 1,
    });
    expect(todo.todoId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await local.store.todos.get(scope, todo.todoId)).toEqual(todo);
  });

  it('updates with the expected version and bumps it; a stale version is a conflict', async () => {
    const scope = newScope();
    const todo = await local.store.todos.create(scope, { title: 'a', notes: 'n' });
    const updated = await local.store.todos.update(scope, todo.todoId, { title: 'b', notes: null }, 1);
    expect(updated).toMatchObject({ title: 'b', notes: null, version: 2 });
    expect(await local.store.todos.get(scope, todo.todoId)).toEqual(updated);
    const conflict = await local.store.todos.update(scope, todo.todoId, { title: 'c' }, 1).catch((e) => e);
    expect(conflict).toBeInstanceOf(VersionConflictError);
    expect(conflict).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect((await local.store.todos.get(scope, todo.todoId)).title).toBe('b');
  });

  it('detects a concurrent writer between read and write', async () => {
    const scope = newScope();
    const todo = await local.store.todos.create(scope, { title: 'race' });
    const results = await Promise.allSettled([
      local.store.todos.update(scope, todo.todoId, { title: 'one' }, 1),
      local.store.todos.update(scope, todo.todoId, { title: 'two' }, 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionConflictError);
    expect((await local.store.todos.get(scope, todo.todoId)).version).toBe(2);
  });

  it('sets status done (completedAt) and back to open', async () => {
    const scope = newScope();
    const todo = await local.store.todos.create(scope, { title: 'x' });
    const done = await local.store.todos.setStatus(scope, todo.todoId, 'done');
    expect(done.status).toBe('done');
    expect(done.completedAt).not.toBeNull();
    const reopened = await local.store.todos.setStatus(scope, todo.todoId, 'open', 2);
    expect(reopened).toMatchObject({ status: 'open', completedAt: null, version: 3 });
    await expect(local.store.todos.setStatus(scope, todo.todoId, 'done', 2)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
  });

  it('deletes; a second delete or get is not found', async () => {
    const scope = newScope();
    const todo = await local.store.todos.create(scope, { title: 'gone' });
    await local.store.todos.delete(scope, todo.todoId);
    await expect(local.store.todos.get(scope, todo.todoId)).rejects.toBeInstanceOf(TodoNotFoundError);
    await expect(local.store.todos.delete(scope, todo.todoId)).rejects.toBeInstanceOf(TodoNotFoundError);
  });

  it('pages through a list in creation order with an opaque cursor', async () => {
    const scope = newScope();
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await local.store.todos.create(scope, { title: `t${i}` }));
    const first = await local.store.todos.list(scope, { limit: 2 });
    expect(first.items.map((t) => t.title)).toEqual(['t0', 't1']);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await local.store.todos.list(scope, { limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.items.map((t) => t.title)).toEqual(['t2', 't3']);
    const third = await local.store.todos.list(scope, { limit: 2, cursor: second.nextCursor ?? '' });
    expect(third.items.map((t) => t.title)).toEqual(['t4']);
    const all = await local.store.todos.list(scope, { limit: 100 });
    expect(all.items.map((t) => t.todoId)).toEqual(created.map((t) => t.todoId));
    expect(all.nextCursor).toBeNull();
  });

  it('rejects a tampered cursor and a cursor from another query', async () => {
    const scope = newScope();
    for (let i = 0; i < 3; i++)
      await local.store.todos.create(scope, { title: `t${i}`, dueDate: '2030-05-01' });
    const page = await local.store.todos.list(scope, { limit: 1 });
    const cursor = page.nextCursor ?? '';
    const tampered = `${cursor.slice(0, -2)}x${cursor.slice(-1)}`;
    await expect(local.store.todos.list(scope, { cursor: tampered })).rejects.toMatchObject({
      field: 'query.cursor',
    });
    await expect(local.store.todos.list(scope, { cursor: 'not json!' })).rejects.toBeInstanceOf(
      DataValidationError,
    );
    // A cursor of the unfiltered list does not fit the status index's key.
    await expect(local.store.todos.list(scope, { status: 'open', cursor })).rejects.toBeInstanceOf(
      DataValidationError,
    );
  });

  it('filters by status and due-date range through the indexes, ordered by due date', async () => {
    const scope = newScope();
    const a = await local.store.todos.create(scope, { title: 'a', dueDate: '2030-03-10' });
    const b = await local.store.todos.create(scope, { title: 'b', dueDate: '2030-03-01' });
    const c = await local.store.todos.create(scope, { title: 'c', dueDate: '2030-04-01' });
    await local.store.todos.create(scope, { title: 'no due date' });
    await local.store.todos.setStatus(scope, c.todoId, 'done');

    const open = await local.store.todos.list(scope, { status: 'open' });
    expect(open.items.map((t) => t.title)).toEqual(['b', 'a', 'no due date']);
    const done = await local.store.todos.list(scope, { status: 'done' });
    expect(done.items.map((t) => t.title)).toEqual(['c']);
    const march = await local.store.todos.list(scope, { dueFrom: '2030-03-01', dueTo: '2030-03-31' });
    expect(march.items.map((t) => t.todoId)).toEqual([b.todoId, a.todoId]);
    const fromMarch5 = await local.store.todos.list(scope, { dueFrom: '2030-03-05' });
    expect(fromMarch5.items.map((t) => t.title)).toEqual(['a', 'c']);
    const openUntilMarch5 = await local.store.todos.list(scope, { status: 'open', dueTo: '2030-03-05' });
    expect(openUntilMarch5.items.map((t) => t.title)).toEqual(['b']);
    const openUntil31 = await local.store.todos.list(scope, {
      status: 'open',
      dueTo: '2030-03-10',
      limit: 1,
    });
    expect(openUntil31.items.map((t) => t.title)).toEqual(['b']);
    const next = await local.store.todos.list(scope, {
      status: 'open',
      dueTo: '2030-03-10',
      limit: 1,
      cursor: openUntil31.nextCursor ?? '',
    });
    expect(next.items.map((t) => t.title)).toEqual(['a']);
  });

  it('validates input and names the field', async () => {
    const scope = newScope();
    const field = (promise: Promise<unknown>) => promise.catch((e: DataValidationError) => e.field);
    expect(await field(local.store.todos.create(scope, { title: '' }))).toBe('input.title');
    expect(await field(local.store.todos.create(scope, { title: 'x'.repeat(201) }))).toBe('input.title');
    expect(await field(local.store.todos.create(scope, { title: 'x', notes: 'n'.repeat(5001) }))).toBe(
      'input.notes',
    );
    expect(await field(local.store.todos.create(scope, { title: 'x', dueDate: '2030-02-30' }))).toBe(
      'input.dueDate',
    );
    expect(await field(local.store.todos.create(scope, { title: 'x', tags: Array(21).fill('t') }))).toBe(
      'input.tags',
    );
    expect(await field(local.store.todos.create(scope, { title: 'x', tags: ['t'.repeat(41)] }))).toBe(
      'input.tags.0',
    );
    expect(await field(local.store.todos.list(scope, { limit: 0 }))).toBe('query.limit');
    expect(await field(local.store.todos.list(scope, { limit: 101 }))).toBe('query.limit');
    expect(await field(local.store.todos.get(scope, 'TODO#x'))).toBe('todoId');
    expect(await field(local.store.todos.get({ tenantId: 'a#b', userId: 'u' }, 'x'))).toBe('scope.tenantId');
  });
});

describe('todo tenant isolation', () => {
  it('tenant B cannot get, list, update, complete or delete tenant A todos', async () => {
    const a = newScope('a');
    const b = newScope('b');
    const todo = await local.store.todos.create(a, { title: 'secret', dueDate: '2030-01-01' });
    await expect(local.store.todos.get(b, todo.todoId)).rejects.toBeInstanceOf(TodoNotFoundError);
    expect((await local.store.todos.list(b)).items).toEqual([]);
    expect((await local.store.todos.list(b, { status: 'open' })).items).toEqual([]);
    expect((await local.store.todos.list(b, { dueFrom: '2000-01-01' })).items).toEqual([]);
    await expect(local.store.todos.update(b, todo.todoId, { title: 'mine' }, 1)).rejects.toBeInstanceOf(
      TodoNotFoundError,
    );
    await expect(local.store.todos.setStatus(b, todo.todoId, 'done')).rejects.toBeInstanceOf(
      TodoNotFoundError,
    );
    await expect(local.store.todos.delete(b, todo.todoId)).rejects.toBeInstanceOf(TodoNotFoundError);
    expect(await local.store.todos.get(a, todo.todoId)).toEqual(todo);
  });

  it("tenant B cannot page with tenant A's cursor", async () => {
    const a = newScope('a');
    const b = newScope('b');
    for (let i = 0; i < 3; i++) await local.store.todos.create(a, { title: `a${i}` });
    const page = await local.store.todos.list(a, { limit: 1 });
    await expect(
      local.store.todos.list(b, { limit: 1, cursor: page.nextCursor ?? '' }),
    ).rejects.toMatchObject({
      field: 'query.cursor',
    });
  });
});
