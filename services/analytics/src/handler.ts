import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type AnalyticsRepository, createEventDataStore } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { createAnalyticsHandler } from './analytics-handler.ts';

const environment = readEnvironment(
  z.object({
    TABLE_NAME: z.string().min(1),
    /** Must exceed the event archive's replay horizon (see README). */
    MARKER_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(35),
  }),
);
const observability = createObservability('analytics');
const { logger, tracer, metrics } = observability;
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));

let repository: AnalyticsRepository | undefined;

function analytics(): AnalyticsRepository {
  repository ??= createEventDataStore({
    tableName: environment.TABLE_NAME,
    client: dynamodb,
    analyticsMarkerTtlSeconds: environment.MARKER_TTL_DAYS * 24 * 60 * 60,
  }).analytics;
  return repository;
}

/** The event id is the correlation id of everything done for this event. */
export const handler = instrumentHandler(
  observability,
  createAnalyticsHandler({ analytics, logger, metrics }),
  {
    correlationId: (event) => {
      const eventId = (event as { detail?: { eventId?: unknown } } | null)?.detail?.eventId;
      return typeof eventId === 'string' ? eventId : undefined;
    },
  },
);
