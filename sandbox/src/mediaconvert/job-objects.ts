import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Location } from './s3-uri.ts';

/** Where jobs read their inputs and write their outputs. */
export interface JobObjectStore {
  download(location: S3Location, file: string, signal?: AbortSignal): Promise<void>;
  upload(location: S3Location, file: string, contentType: string, signal?: AbortSignal): Promise<void>;
}

/** The input is missing (S3 `NoSuchKey` / `NoSuchBucket`): MediaConvert's error 1404. */
export class InputNotFoundError extends Error {
  constructor(location: S3Location, options?: ErrorOptions) {
    super(`s3://${location.bucket}/${location.key} does not exist`, options);
    this.name = 'InputNotFoundError';
  }
}

/**
 * Objects through an S3 client. In the sandbox the client points at the AWS endpoint, so that
 * writing renditions goes through the S3 front and fires the bucket's notifications, as it does
 * when MediaConvert writes to S3.
 */
export function s3JobObjects(client: S3Client): JobObjectStore {
  return {
    async download(location, file, signal) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: location.bucket, Key: location.key }),
          signal ? { abortSignal: signal } : {},
        );
        if (!(object.Body instanceof Readable)) throw new Error('the S3 response has no readable body');
        await pipeline(object.Body, createWriteStream(file), signal ? { signal } : {});
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (name === 'NoSuchKey' || name === 'NoSuchBucket' || name === 'NotFound') {
          throw new InputNotFoundError(location, { cause: error });
        }
        throw error;
      }
    },
    async upload(location, file, contentType, signal) {
      const { size } = await stat(file);
      await client.send(
        new PutObjectCommand({
          Bucket: location.bucket,
          Key: location.key,
          Body: createReadStream(file),
          ContentLength: size,
          ContentType: contentType,
        }),
        signal ? { abortSignal: signal } : {},
      );
    },
  };
}
