import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { S3UpstreamError } from './errors.ts';

/** An object to store, with the system and user metadata a PutObject carries. */
export interface ObjectToWrite {
  readonly bucket: string;
  readonly key: string;
  readonly contentType?: string;
  readonly cacheControl?: string;
  readonly contentDisposition?: string;
  readonly contentEncoding?: string;
  readonly contentLanguage?: string;
  readonly expires?: Date;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Bytes written so far are held up to one part; the whole object never is. */
export interface ObjectWrite {
  push(chunk: Buffer): Promise<void>;
  finish(): Promise<{ readonly etag: string; readonly size: number }>;
  abort(): Promise<void>;
}

/** fauxqs accepts request bodies up to 11 MiB: larger objects go up in 8 MiB parts. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
/** S3's (and fauxqs's) smallest part but the last. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

function headersOf(object: ObjectToWrite) {
  return {
    Bucket: object.bucket,
    Key: object.key,
    ContentType: object.contentType,
    CacheControl: object.cacheControl,
    ContentDisposition: object.contentDisposition,
    ContentEncoding: object.contentEncoding,
    ContentLanguage: object.contentLanguage,
    Expires: object.expires,
    Metadata: object.metadata,
  };
}

function upstreamFailure(operation: string, error: unknown): S3UpstreamError {
  return new S3UpstreamError(operation, error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}

/**
 * Stores an object in the S3 engine from a stream of chunks with PutObject semantics: one PutObject
 * when it fits in a part, else a multipart upload (aborted on failure), so memory stays bounded.
 * A multipart-stored object gets S3's multipart ETag (`<md5>-<parts>`), unlike a real POST upload.
 *
 * @example
 * ```ts
 * const write = beginObjectWrite(client, { bucket: 'media', key: 'a.png', contentType: 'image/png' });
 * for await (const chunk of file) await write.push(chunk);
 * const { etag, size } = await write.finish();
 * ```
 */
export function beginObjectWrite(
  client: S3Client,
  object: ObjectToWrite,
  partSize: number = DEFAULT_PART_SIZE,
): ObjectWrite {
  if (partSize < MIN_PART_SIZE || partSize > 10 * 1024 * 1024) {
    throw new RangeError(`partSize must be between 5 MiB and 10 MiB (got ${partSize})`);
  }
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let uploadId: string | undefined;
  const parts: { ETag: string; PartNumber: number }[] = [];

  async function flushPart(): Promise<void> {
    const body = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    try {
      if (uploadId === undefined) {
        const created = await client.send(new CreateMultipartUploadCommand(headersOf(object)));
        uploadId = created.UploadId;
      }
      const PartNumber = parts.length + 1;
      const part = await client.send(
        new UploadPartCommand({
          Bucket: object.bucket,
          Key: object.key,
          UploadId: uploadId,
          PartNumber,
          Body: body,
        }),
      );
      parts.push({ ETag: part.ETag ?? '', PartNumber });
    } catch (error) {
      throw upstreamFailure('UploadPart', error);
    }
  }

  return {
    async push(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      size += chunk.length;
      if (pendingBytes >= partSize) await flushPart();
    },
    async finish() {
      if (uploadId === undefined && parts.length === 0) {
        try {
          const put = await client.send(
            new PutObjectCommand({ ...headersOf(object), Body: Buffer.concat(pending) }),
          );
          return { etag: (put.ETag ?? '').replaceAll('"', ''), size };
        } catch (error) {
          throw upstreamFailure('PutObject', error);
        }
      }
      if (pendingBytes > 0) await flushPart();
      try {
        const done = await client.send(
          new CompleteMultipartUploadCommand({
            Bucket: object.bucket,
            Key: object.key,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
        return { etag: (done.ETag ?? '').replaceAll('"', ''), size };
      } catch (error) {
        throw upstreamFailure('CompleteMultipartUpload', error);
      }
    },
    async abort() {
      pending = [];
      if (uploadId === undefined) return;
      await client
        .send(new AbortMultipartUploadCommand({ Bucket: object.bucket, Key: object.key, UploadId: uploadId }))
        .catch(() => undefined);
    },
  };
}
