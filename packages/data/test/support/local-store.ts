import {
  createLocalClient,
  createTable,
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { afterAll, beforeAll } from 'vitest';
import type { DataStore, TenantScope } from '../../src/index.ts';
import { createDataStore } from '../../src/index.ts';

export interface LocalStore {
  store: DataStore;
  /** A store whose clock is `now()`, for expiry tests. */
  storeAt(now: () => Date): DataStore;
  endpoint: string;
}

/** Starts one in-memory DynamoDB Local for the calling test file, with the Stratum table. */
export function useLocalStore(): LocalStore {
  const state = {} as LocalStore;
  let ddb: DynamoDbLocal | undefined;
  beforeAll(async () => {
    ddb = await startDynamoDbLocal();
    await createTable(ddb.endpoint, 'stratum');
    const client = createLocalClient(ddb.endpoint);
    state.endpoint = ddb.endpoint;
    state.store = createDataStore({ tableName: 'stratum', client });
    state.storeAt = (now) => createDataStore({ tableName: 'stratum', client, now });
  });
  afterAll(async () => {
    await ddb?.stop();
  });
  return state;
}

let counter = 0;
/** A fresh tenant scope per test, so tests never see each other's items. */
export function newScope(label = 't'): TenantScope {
  counter += 1;
  return { tenantId: `${label}-${process.pid}-${counter}-${Date.now()}`, userId: `user-${counter}` };
}
