import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { createMediaStore } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { createTranscodeCompletion } from './complete-transcode.ts';
import { createJobStateEventHandler } from './job-state-event-handler.ts';
import { createMediaBucket } from './media-bucket.ts';

/** Entry of the transcode-completion function: MediaConvert "Job State Change" events. */
const environment = readEnvironment(
  z.object({ TABLE_NAME: z.string().min(1), MEDIA_BUCKET_NAME: z.string().min(1) }),
);
const observability = createObservability('media-processor');
const { logger, tracer } = observability;
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));
const s3 = tracer.captureAWSv3Client(new S3Client({}));

export const handler = instrumentHandler(
  observability,
  createJobStateEventHandler({
    logger,
    completeTranscode: createTranscodeCompletion({
      media: createMediaStore({ tableName: environment.TABLE_NAME, client: dynamodb }),
      bucket: createMediaBucket(s3, environment.MEDIA_BUCKET_NAME),
      logger,
    }),
  }),
);
