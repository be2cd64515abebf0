import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDataStore, type DataStore } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { meteredUsersStore } from './metered-store.ts';
import { createUsersHandler } from './users-handler.ts';

const environment = readEnvironment(z.object({ TABLE_NAME: z.string().min(1) }));
const observability = createObservability('users');
const { logger, tracer, metrics } = observability;
/** Every DynamoDB call becomes an X-Ray subsegment (a no-op when tracing is off). */
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));

let store: DataStore | undefined;

/** The DynamoDB-backed store, created on first use and reused by every later invocation of this execution environment. */
function dataStore(): DataStore {
  store ??= meteredUsersStore(
    createDataStore({ tableName: environment.TABLE_NAME, client: dynamodb }),
    metrics,
  );
  return store;
}

/** Responses carry member names and e-mails: they stay out of the trace. */
export const handler = instrumentHandler(observability, createUsersHandler({ dataStore, logger }), {
  captureResponse: false,
});
