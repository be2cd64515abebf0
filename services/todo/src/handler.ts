import { createDataStore, type DataStore } from '@stratum/data';
import { createObservability, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { createTodoHandler } from './todo-handler.ts';

const environment = readEnvironment(z.object({ TABLE_NAME: z.string().min(1) }));
const { logger } = createObservability('todo');

let store: DataStore | undefined;

/** The DynamoDB-backed store, created on first use and reused by every later invocation of this execution environment. */
function dataStore(): DataStore {
  store ??= createDataStore({ tableName: environment.TABLE_NAME });
  return store;
}

export const handler = createTodoHandler({ dataStore, logger });
