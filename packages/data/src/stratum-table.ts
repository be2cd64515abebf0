import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';
import { TABLE_SCHEMA } from './table-schema.ts';

const [gsi1, gsi2] = TABLE_SCHEMA.globalIndexes;

/** The dynamodb-toolbox view of the single table described by `TABLE_SCHEMA`. */
export function createStratumTable(tableName: string, documentClient: DynamoDBDocumentClient) {
  return new Table({
    name: tableName,
    documentClient,
    partitionKey: { name: TABLE_SCHEMA.partitionKey, type: 'string' },
    sortKey: { name: TABLE_SCHEMA.sortKey, type: 'string' },
    indexes: {
      [gsi1.indexName]: {
        type: 'global',
        partitionKey: { name: gsi1.partitionKey, type: 'string' },
        sortKey: { name: gsi1.sortKey, type: 'string' },
      },
      [gsi2.indexName]: {
        type: 'global',
        partitionKey: { name: gsi2.partitionKey, type: 'string' },
        sortKey: { name: gsi2.sortKey, type: 'string' },
      },
    } as const,
  });
}

export type StratumTable = ReturnType<typeof createStratumTable>;
