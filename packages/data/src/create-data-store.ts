import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DataStore } from './contract.ts';
import { createInvitationEntity } from './entities/invitation-entity.ts';
import { createMemberEntity } from './entities/member-entity.ts';
import { createTenantEntity } from './entities/tenant-entity.ts';
import { createTodoEntity } from './entities/todo-entity.ts';
import { createInvitationRepository } from './repositories/invitation-repository.ts';
import { createMemberRepository } from './repositories/member-repository.ts';
import { createTenantRepository } from './repositories/tenant-repository.ts';
import { createTodoRepository } from './repositories/todo-repository.ts';
import { createStratumTable } from './stratum-table.ts';

export interface DataStoreOptions {
  /** The single table's name (from the function's environment). */
  readonly tableName: string;
  /** A DynamoDB client; wrapped in a DocumentClient. @default a new client from the environment */
  readonly client?: DynamoDBClient;
  /** The clock, for tests of expiry. @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * The tenant-scoped repositories over the single table. Create it once per Lambda module (it
 * holds the client), then pass the caller's TenantScope to every call.
 *
 * @example
 * const store = createDataStore({ tableName: env.TABLE_NAME });
 * const todo = await store.todos.create(scope, { title: 'Ship it' });
 */
export function createDataStore(options: DataStoreOptions): DataStore {
  const documentClient = DynamoDBDocumentClient.from(options.client ?? new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const table = createStratumTable(options.tableName, documentClient);
  const todos = createTodoEntity(table);
  const tenants = createTenantEntity(table);
  const members = createMemberEntity(table);
  const invitations = createInvitationEntity(table);
  return {
    todos: createTodoRepository(table, todos),
    tenants: createTenantRepository(table, tenants, members),
    members: createMemberRepository(table, members),
    invitations: createInvitationRepository(table, invitations, members, options.now),
  };
}
