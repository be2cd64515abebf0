import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createMediaEntity } from './entities/media-entity.ts';
import { createTodoEntity } from './entities/todo-entity.ts';
import type { MediaRepository } from './media-contract.ts';
import { createMediaRepository } from './repositories/media-repository.ts';
import { createStratumTable } from './stratum-table.ts';

export interface MediaStoreOptions {
  /** The single table's name (from the function's environment). */
  readonly tableName: string;
  /** A DynamoDB client; wrapped in a DocumentClient. @default a new client from the environment */
  readonly client?: DynamoDBClient;
  /** The clock (creation times, ULIDs, the pending TTL). @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * The media items of the single table, for the functions that own media (the media subgraph and
 * the media processor). Create it once per Lambda module.
 *
 * @example
 * const media = createMediaStore({ tableName: env.TABLE_NAME });
 * const item = await media.create(scope, { todoId, contentType: 'image/png', size: 52_000 });
 */
export function createMediaStore(options: MediaStoreOptions): MediaRepository {
  const documentClient = DynamoDBDocumentClient.from(options.client ?? new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const table = createStratumTable(options.tableName, documentClient);
  return createMediaRepository(table, createMediaEntity(table), createTodoEntity(table), options.now);
}
