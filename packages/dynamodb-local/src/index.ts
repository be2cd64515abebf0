export { createTable, stratumTableDefinition } from './create-table.ts';
export { DynamoDbLocalError } from './dynamodb-local-error.ts';
export { createLocalClient, LOCAL_CREDENTIALS, LOCAL_REGION } from './readiness.ts';
export { type DynamoDbLocal, type DynamoDbLocalOptions, startDynamoDbLocal } from './start-dynamodb-local.ts';
