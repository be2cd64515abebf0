import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { dueSortKey, GSI1, GSI2, SK, tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';

const todoSchema = item({
  tenantId: string().key(),
  todoId: string().key(),
  title: string(),
  notes: string().optional(),
  status: string().enum('open', 'done'),
  dueDate: string().optional(),
  tags: list(string()),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  completedAt: string().optional(),
  version: number(),
}).and((schema) => ({
  gsi1pk: string().link<typeof schema>(({ tenantId, status }) => GSI1.todosByStatus(tenantId, status)),
  gsi1sk: string().link<typeof schema>(({ dueDate, todoId }) => dueSortKey(dueDate, todoId)),
  gsi2pk: string().link<typeof schema>(({ tenantId }) => GSI2.todosByDue(tenantId)),
  gsi2sk: string().link<typeof schema>(({ dueDate, todoId }) => dueSortKey(dueDate, todoId)),
}));

/** Todo: `T#<tenant>` / `TODO#<ulid>`; by status+due on gsi1, by due on gsi2. */
export function createTodoEntity(table: StratumTable) {
  return new Entity({
    name: 'todo',
    table,
    schema: todoSchema,
    timestamps: false,
    computeKey: ({ tenantId, todoId }) => ({ pk: tenantPartition(tenantId), sk: SK.todo(todoId) }),
  });
}

export type TodoEntity = ReturnType<typeof createTodoEntity>;
