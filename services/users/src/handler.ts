import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { createDataStore, createEventDataStore, type DataStore, type EventDataStore } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { meteredUsersStore } from './metered-store.ts';
import { parsePlatformApplicationArn } from './push/push-service.ts';
import { createSnsPushEndpoints } from './push/sns-push-endpoints.ts';
import { createUsersHandler } from './users-handler.ts';

const environment = readEnvironment(
  z.object({
    TABLE_NAME: z.string().min(1),
    /** The stage's SNS platform application (APNS, APNS_SANDBOX or GCM); absent or empty: no push. */
    PLATFORM_APPLICATION_ARN: z
      .string()
      .optional()
      .transform((value) => value || undefined),
  }),
);
const observability = createObservability('users');
const { logger, tracer, metrics } = observability;
/** Every DynamoDB and SNS call becomes an X-Ray subsegment (a no-op when tracing is off). */
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));

const push = environment.PLATFORM_APPLICATION_ARN
  ? createSnsPushEndpoints(
      tracer.captureAWSv3Client(new SNSClient({})),
      parsePlatformApplicationArn(environment.PLATFORM_APPLICATION_ARN),
    )
  : null;
if (!push) logger.info('registerDevice disabled: PLATFORM_APPLICATION_ARN is not set for this stage');

let store: DataStore | undefined;
let eventStore: EventDataStore | undefined;

/** The DynamoDB-backed store, created on first use and reused by every later invocation of this execution environment. */
function dataStore(): DataStore {
  store ??= meteredUsersStore(
    createDataStore({ tableName: environment.TABLE_NAME, client: dynamodb }),
    metrics,
  );
  return store;
}

function eventData(): EventDataStore {
  eventStore ??= createEventDataStore({ tableName: environment.TABLE_NAME, client: dynamodb });
  return eventStore;
}

/** Responses carry member names and e-mails: they stay out of the trace. */
export const handler = instrumentHandler(
  observability,
  createUsersHandler({ dataStore, eventData, push, logger }),
  { captureResponse: false },
);
