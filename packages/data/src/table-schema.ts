/**
 * The physical shape of the single table, shared by the CDK Data stack and the entity
 * models so that both always agree. Attribute names are deliberately generic (overloaded).
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Overloaded GSIs: each entity decides what it projects into them. */
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Epoch seconds; DynamoDB deletes expired items (invitations, idempotency records). */
  timeToLiveAttribute: 'ttl',
} as const;
