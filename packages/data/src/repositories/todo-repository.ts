import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import { isConditionalCheckFailure } from '../conditional-failure.ts';
import type {
  Page,
  TenantScope,
  Todo,
  TodoPatch,
  TodoQuery,
  TodoRepository,
  TodoStatus,
} from '../contract.ts';
import { type CursorExpectation, decodeCursor, encodeCursor } from '../cursor.ts';
import type { TodoEntity } from '../entities/todo-entity.ts';
import { TodoNotFoundError, VersionConflictError } from '../errors.ts';
import { dueRange, GSI1, GSI2, SK_PREFIX, tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';
import {
  newTodoSchema,
  parseInput,
  scopeSchema,
  statusSchema,
  todoPatchSchema,
  todoQuerySchema,
  ulidSchema,
  versionSchema,
} from '../validation.ts';

/** The stored item (optional attributes absent) as the contract's Todo (explicit nulls). */
function toTodo(stored: {
  tenantId: string;
  todoId: string;
  title: string;
  notes?: string;
  status: TodoStatus;
  dueDate?: string;
  tags: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
  version: number;
}): Todo {
  return {
    tenantId: stored.tenantId,
    todoId: stored.todoId,
    title: stored.title,
    notes: stored.notes ?? null,
    status: stored.status,
    dueDate: stored.dueDate ?? null,
    tags: stored.tags,
    createdBy: stored.createdBy,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    completedAt: stored.completedAt ?? null,
    version: stored.version,
  };
}

/** Drops nulls: absent attributes are how the table stores "no value". */
function toStored(todo: Todo) {
  return {
    tenantId: todo.tenantId,
    todoId: todo.todoId,
    title: todo.title,
    ...(todo.notes === null ? {} : { notes: todo.notes }),
    status: todo.status,
    ...(todo.dueDate === null ? {} : { dueDate: todo.dueDate }),
    tags: [...todo.tags],
    createdBy: todo.createdBy,
    createdAt: todo.createdAt,
    updatedAt: todo.updatedAt,
    ...(todo.completedAt === null ? {} : { completedAt: todo.completedAt }),
    version: todo.version,
  };
}

export function createTodoRepository(table: StratumTable, entity: TodoEntity): TodoRepository {
  async function read(tenantId: string, todoId: string): Promise<Todo> {
    const { Item } = await entity
      .build(GetItemCommand)
      .key({ tenantId, todoId })
      .options({ consistent: true })
      .send();
    if (!Item) throw new TodoNotFoundError(todoId);
    return toTodo(Item);
  }

  /**
   * Read-modify-write guarded by the version read: the GSI keys depend on status and due date,
   * so a full put (which recomputes them) is simpler and safer than an update expression.
   */
  async function write(
    scope: TenantScope,
    todoId: string,
    expectedVersion: number | undefined,
    change: (current: Todo) => Omit<Todo, 'version' | 'updatedAt'>,
  ): Promise<Todo> {
    const current = await read(scope.tenantId, todoId);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new VersionConflictError('Todo', todoId, expectedVersion, current.version);
    }
    const next: Todo = {
      ...change(current),
      version: current.version + 1,
      updatedAt: new Date().toISOString(),
    };
    try {
      await entity
        .build(PutItemCommand)
        .item(toStored(next))
        .options({ condition: { attr: 'version', eq: current.version } })
        .send();
      return next;
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
      const latest = await read(scope.tenantId, todoId);
      throw new VersionConflictError('Todo', todoId, expectedVersion ?? current.version, latest.version);
    }
  }

  return {
    async create(scopeInput, input) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const valid = parseInput(newTodoSchema, input, 'input');
      const now = new Date().toISOString();
      const todo: Todo = {
        tenantId: scope.tenantId,
        todoId: ulid(),
        title: valid.title,
        notes: valid.notes ?? null,
        status: 'open',
        dueDate: valid.dueDate ?? null,
        tags: valid.tags ?? [],
        createdBy: scope.userId,
        createdAt: now,
        updatedAt: now,
        completedAt: null,
        version: 1,
      };
      await entity
        .build(PutItemCommand)
        .item(toStored(todo))
        .options({ condition: { attr: 'todoId', exists: false } })
        .send();
      return todo;
    },

    async get(scopeInput, todoId) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      return read(scope.tenantId, parseInput(ulidSchema, todoId, 'todoId'));
    },

    async list(scopeInput, queryInput: TodoQuery = {}): Promise<Page<Todo>> {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const query = parseInput(todoQuerySchema, queryInput, 'query');
      const pk = tenantPartition(scope.tenantId);
      const byDue = query.dueFrom !== undefined || query.dueTo !== undefined;
      const [from, to] = dueRange(query.dueFrom, query.dueTo);

      // Pick the index that answers the filter with a key condition, never a filter expression;
      // the cursor must then carry exactly that index's key, in this tenant's partitions.
      const range = byDue ? { range: { between: [from, to] as [string, string] } } : {};
      const keyQuery = query.status
        ? { index: 'gsi1' as const, partition: GSI1.todosByStatus(scope.tenantId, query.status), ...range }
        : byDue
          ? { index: 'gsi2' as const, partition: GSI2.todosByDue(scope.tenantId), ...range }
          : { partition: pk, range: { beginsWith: SK_PREFIX.todo } };
      const expectation: CursorExpectation = query.status
        ? {
            fixed: { pk, gsi1pk: GSI1.todosByStatus(scope.tenantId, query.status) },
            prefixed: { sk: SK_PREFIX.todo, gsi1sk: '' },
          }
        : byDue
          ? {
              fixed: { pk, gsi2pk: GSI2.todosByDue(scope.tenantId) },
              prefixed: { sk: SK_PREFIX.todo, gsi2sk: '' },
            }
          : { fixed: { pk }, prefixed: { sk: SK_PREFIX.todo } };

      const exclusiveStartKey = query.cursor
        ? decodeCursor(query.cursor, expectation, 'query.cursor')
        : undefined;
      const { Items = [], LastEvaluatedKey } = await table
        .build(QueryCommand)
        .entities(entity)
        .query(keyQuery)
        .options({ limit: query.limit, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
        .send();
      return { items: Items.map(toTodo), nextCursor: encodeCursor(LastEvaluatedKey) };
    },

    async update(scopeInput, todoId, patchInput: TodoPatch, expectedVersion) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const id = parseInput(ulidSchema, todoId, 'todoId');
      const patch = parseInput(todoPatchSchema, patchInput, 'patch');
      const version = parseInput(versionSchema, expectedVersion, 'expectedVersion');
      return write(scope, id, version, (current) => ({
        ...current,
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate } : {}),
        ...(patch.tags !== undefined ? { tags: patch.tags } : {}),
      }));
    },

    async setStatus(scopeInput, todoId, status, expectedVersion) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const id = parseInput(ulidSchema, todoId, 'todoId');
      const next = parseInput(statusSchema, status, 'status');
      const version =
        expectedVersion === undefined
          ? undefined
          : parseInput(versionSchema, expectedVersion, 'expectedVersion');
      return write(scope, id, version, (current) => ({
        ...current,
        status: next,
        completedAt: next === 'done' ? (current.completedAt ?? new Date().toISOString()) : null,
      }));
    },

    async delete(scopeInput, todoId) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const id = parseInput(ulidSchema, todoId, 'todoId');
      try {
        await entity
          .build(DeleteItemCommand)
          .key({ tenantId: scope.tenantId, todoId: id })
          .options({ condition: { attr: 'todoId', exists: true } })
          .send();
      } catch (error) {
        if (isConditionalCheckFailure(error)) throw new TodoNotFoundError(id);
        throw error;
      }
    },
  };
}
