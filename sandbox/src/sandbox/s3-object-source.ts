import { GetObjectCommand, NoSuchBucket, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { S3ObjectSource, S3OriginObject } from '../cloudfront/index.ts';

/** CloudFront's S3 origins read through the S3 engine; a missing bucket or key is `undefined`. */
export function s3ObjectSource(client: S3Client): S3ObjectSource {
  return {
    async getObject(bucket: string, key: string): Promise<S3OriginObject | undefined> {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!object.Body) return undefined;
        return {
          body: await object.Body.transformToByteArray(),
          ...(object.ContentType && { contentType: object.ContentType }),
          ...(object.ETag && { etag: object.ETag }),
          ...(object.LastModified && { lastModified: object.LastModified }),
          ...(object.CacheControl && { cacheControl: object.CacheControl }),
          ...(object.ContentEncoding && { contentEncoding: object.ContentEncoding }),
        };
      } catch (error) {
        if (error instanceof NoSuchKey || error instanceof NoSuchBucket) return undefined;
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
          return undefined;
        throw error;
      }
    },
  };
}
