import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { createMediaStore, type MediaRepository } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { createMediaHandler } from './media-handler.ts';
import { createS3MediaStorage } from './storage/media-storage.ts';

const environment = readEnvironment(
  z.object({
    TABLE_NAME: z.string().min(1),
    MEDIA_BUCKET_NAME: z.string().min(1),
    /** Seconds a signed GET URL stays valid. */
    DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  }),
);
const observability = createObservability('media');
const { logger, tracer } = observability;
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));
const s3 = tracer.captureAWSv3Client(new S3Client({}));
const storage = createS3MediaStorage({
  s3,
  bucket: environment.MEDIA_BUCKET_NAME,
  downloadTtlSeconds: environment.DOWNLOAD_URL_TTL_SECONDS,
});

let repository: MediaRepository | undefined;

/** The DynamoDB-backed media repository, created on first use and reused while warm. */
function media(): MediaRepository {
  repository ??= createMediaStore({ tableName: environment.TABLE_NAME, client: dynamodb });
  return repository;
}

/** Responses carry signed URLs and tenant data: they stay out of the trace. */
export const handler = instrumentHandler(observability, createMediaHandler({ media, storage, logger }), {
  captureResponse: false,
});
