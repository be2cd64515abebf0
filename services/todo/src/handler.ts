import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDataStore, type DataStore } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { meteredTodoStore } from './metered-store.ts';
import { createTodoHandler } from './todo-handler.ts';

const environment = readEnvironment(z.object({ TABLE_NAME: z.string().min(1) }));
const observability = createObservability('todo');
const { logger, tracer, metrics } = observability;
/** Every DynamoDB call becomes an X-Ray subsegment (a no-op when tracing is off). */
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));

let store: DataStore | undefined;

/** The DynamoDB-backed store, created on first use and reused by every later invocation of this execution environment. */
function dataStore(): DataStore {
  store ??= meteredTodoStore(
    createDataStore({ tableName: environment.TABLE_NAME, client: dynamodb }),
    metrics,
  );
  return store;
}

/** Responses carry tenant data and may be large: they stay out of the trace. */
export const handler = instrumentHandler(observability, createTodoHandler({ dataStore, logger }), {
  captureResponse: false,
});
