import {
  CreateTableCommand,
  type CreateTableCommandInput,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE_SCHEMA } from '@stratum/data/table-schema';
import { createLocalClient } from './readiness.ts';

/**
 * The CreateTable request for the Stratum single table, derived from `TABLE_SCHEMA` so that the
 * local table and the CDK Data stack cannot drift apart: string keys pk/sk, the overloaded GSIs
 * with ALL projection, on-demand billing and a NEW_AND_OLD_IMAGES stream.
 */
export function stratumTableDefinition(tableName: string): CreateTableCommandInput {
  const keyAttributes = [
    TABLE_SCHEMA.partitionKey,
    TABLE_SCHEMA.sortKey,
    ...TABLE_SCHEMA.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE_SCHEMA.globalIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

/**
 * Creates the Stratum table at a DynamoDB Local `endpoint`, waits until it is ACTIVE and turns
 * on TTL for `TABLE_SCHEMA.timeToLiveAttribute`.
 *
 * @example
 * const ddb = await startDynamoDbLocal();
 * await createTable(ddb.endpoint, 'stratum-test');
 */
export async function createTable(endpoint: string, tableName: string): Promise<void> {
  const client = createLocalClient(endpoint);
  try {
    await client.send(new CreateTableCommand(stratumTableDefinition(tableName)));
    await waitUntilTableExists(
      { client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { TableName: tableName },
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
      }),
    );
  } finally {
    client.destroy();
  }
}
