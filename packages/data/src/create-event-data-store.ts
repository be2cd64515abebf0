import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDeviceEntity } from './entities/device-entity.ts';
import { createMarkerEntity } from './entities/marker-entity.ts';
import { createTenantStatsEntity } from './entities/tenant-stats-entity.ts';
import type { EventDataStore } from './event-data-contract.ts';
import { createAnalyticsRepository } from './repositories/analytics-repository.ts';
import { createDeviceRepository } from './repositories/device-repository.ts';
import { createMarkerRepository } from './repositories/marker-repository.ts';
import { createStratumTable } from './stratum-table.ts';

export interface EventDataStoreOptions {
  /** The single table's name (from the function's environment). */
  readonly tableName: string;
  /** A DynamoDB client; wrapped in a DocumentClient. @default a new client from the environment */
  readonly client?: DynamoDBClient;
  /**
   * How long analytics markers live. Must be longer than any replay you will run from the
   * event archive, or a replayed event older than this counts twice.
   * @default 35 days
   */
  readonly analyticsMarkerTtlSeconds?: number;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * The repositories of the event consumers over the single table: `analytics` (counters, daily
 * aggregates, the staff read), `markers` (do-once guards) and `devices` (push endpoints). Create
 * it once per Lambda module.
 *
 * @example
 * const events = createEventDataStore({ tableName: env.TABLE_NAME });
 * await events.analytics.count({ tenantId, eventId, occurredAt, counter: 'todosCreated' });
 */
export function createEventDataStore(options: EventDataStoreOptions): EventDataStore {
  const documentClient = DynamoDBDocumentClient.from(options.client ?? new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const table = createStratumTable(options.tableName, documentClient);
  const now = options.now ?? (() => new Date());
  const markers = createMarkerEntity(table);
  return {
    analytics: createAnalyticsRepository(table, createTenantStatsEntity(table), markers, {
      markerTtlSeconds: options.analyticsMarkerTtlSeconds ?? 35 * 24 * 60 * 60,
      now,
    }),
    markers: createMarkerRepository(markers, now),
    devices: createDeviceRepository(table, createDeviceEntity(table), now),
  };
}
