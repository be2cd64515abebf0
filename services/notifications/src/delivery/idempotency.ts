import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Idempotency records live in the single table: partition `IDEMPOTENCY#notifications-<channel>`,
 * sort key the hashed idempotency key, expiry in the table's TTL attribute `ttl`. One static
 * partition per channel is fine at notification volumes (well under a partition's 1,000 writes/s).
 */
export function singleTablePersistence(
  tableName: string,
  channel: 'email' | 'push',
  client: DynamoDBClient,
): BasePersistenceLayer {
  return new DynamoDBPersistenceLayer({
    tableName,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: `IDEMPOTENCY#notifications-${channel}`,
    expiryAttr: 'ttl',
    awsSdkV3Client: client,
  });
}

/**
 * The idempotency key is the `key` field of the delivery (event id, plus the device for push);
 * without one the call fails rather than run un-deduplicated.
 */
export function deliveryIdempotencyConfig(expiresAfterSeconds: number): IdempotencyConfig {
  return new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds,
  });
}
