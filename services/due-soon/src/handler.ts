import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createDataStore, createEventDataStore } from '@stratum/data';
import { createObservability, instrumentHandler, MetricUnit, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { runDueSoonJob } from './due-soon-job.ts';
import { publishEvents } from './publish-events.ts';

const environment = readEnvironment(
  z.object({
    TABLE_NAME: z.string().min(1),
    EVENT_BUS_NAME: z.string().min(1),
    /** How far ahead a due date counts as "soon". */
    DUE_SOON_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  }),
);
const observability = createObservability('due-soon');
const { logger, tracer, metrics } = observability;
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));
const eventBridge = tracer.captureAWSv3Client(new EventBridgeClient({}));
const data = createDataStore({ tableName: environment.TABLE_NAME, client: dynamodb });
const { markers } = createEventDataStore({ tableName: environment.TABLE_NAME, client: dynamodb });

/** The EventBridge Scheduler target. The schedule's input is not read: the window comes from the environment. */
export const handler = instrumentHandler(observability, async () => {
  const summary = await runDueSoonJob(
    {
      data,
      markers,
      publish: (events) => publishEvents(events, { eventBridge, busName: environment.EVENT_BUS_NAME }),
      logger,
    },
    new Date(),
    environment.DUE_SOON_HOURS,
  );
  metrics.addMetric('DueSoonEmitted', MetricUnit.Count, summary.emitted);
  return summary;
});
