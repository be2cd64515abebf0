import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { MediaConvertClient } from '@aws-sdk/client-mediaconvert';
import { S3Client } from '@aws-sdk/client-s3';
import { createMediaStore } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { createMediaBucket } from './media-bucket.ts';
import { createUploadProcessor } from './process-upload.ts';
import { createMediaConvertTranscoder } from './transcoder.ts';
import { createUploadEventHandler } from './upload-event-handler.ts';

/** Entry of the upload function: S3 ObjectCreated notifications of `tenants/<t>/media/<id>/original`. */
const environment = readEnvironment(
  z.object({
    TABLE_NAME: z.string().min(1),
    MEDIA_BUCKET_NAME: z.string().min(1),
    MEDIACONVERT_JOB_TEMPLATE: z.string().min(1),
    MEDIACONVERT_ROLE_ARN: z.string().startsWith('arn:'),
  }),
);
const observability = createObservability('media-processor');
const { logger, tracer } = observability;
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));
const s3 = tracer.captureAWSv3Client(new S3Client({}));
const mediaConvert = tracer.captureAWSv3Client(new MediaConvertClient({}));
const bucket = createMediaBucket(s3, environment.MEDIA_BUCKET_NAME);

export const handler = instrumentHandler(
  observability,
  createUploadEventHandler({
    bucketName: environment.MEDIA_BUCKET_NAME,
    logger,
    processUpload: createUploadProcessor({
      media: createMediaStore({ tableName: environment.TABLE_NAME, client: dynamodb }),
      bucket,
      logger,
      transcoder: createMediaConvertTranscoder({
        client: mediaConvert,
        bucket: environment.MEDIA_BUCKET_NAME,
        jobTemplate: environment.MEDIACONVERT_JOB_TEMPLATE,
        roleArn: environment.MEDIACONVERT_ROLE_ARN,
      }),
    }),
  }),
);
