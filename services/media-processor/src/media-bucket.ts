import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { deleteMediaObjects } from '@stratum/media/delete-media-objects';

/** What the processor reads about an object before anything else. */
export interface ObjectHead {
  readonly eTag: string;
  readonly contentType: string | undefined;
  readonly size: number;
}

/** The media bucket as the processor uses it. */
export interface MediaBucket {
  readonly name: string;
  /** Undefined when the object does not exist (deleted since the event was sent). */
  head(key: string): Promise<ObjectHead | undefined>;
  /** The first `length` bytes (fewer for a smaller object), of the version with this ETag. */
  readStart(key: string, length: number, eTag: string): Promise<Uint8Array>;
  /** The whole object, of the version with this ETag. */
  read(key: string, eTag: string): Promise<Uint8Array>;
  write(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Deletes the original and every rendition of one media item; returns how many objects. */
  deleteMedia(tenantId: string, mediaId: string): Promise<number>;
}

const isNotFound = (error: unknown) =>
  error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey');

/**
 * The media bucket through S3. Reads are pinned to the ETag that was checked (`IfMatch`), so a
 * replacement uploaded in between is never thumbnailed under the old check: S3 answers 412, the
 * invocation fails and the replacement's own event processes it.
 */
export function createMediaBucket(s3: S3Client, name: string): MediaBucket {
  async function get(key: string, eTag: string, range?: string): Promise<Uint8Array> {
    const response = await s3.send(
      new GetObjectCommand({ Bucket: name, Key: key, IfMatch: eTag, ...(range ? { Range: range } : {}) }),
    );
    if (!response.Body) throw new Error(`S3 returned no body for ${key}`);
    return response.Body.transformToByteArray();
  }

  return {
    name,
    async head(key) {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: name, Key: key }));
        return { eTag: head.ETag ?? '', contentType: head.ContentType, size: head.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    readStart: (key, length, eTag) => get(key, eTag, `bytes=0-${length - 1}`),
    read: (key, eTag) => get(key, eTag),
    async write(key, body, contentType) {
      await s3.send(
        new PutObjectCommand({
          Bucket: name,
          Key: key,
          Body: body,
          ContentType: contentType,
          // Renditions never change under their key (a new original rewrites them): cache for a day.
          CacheControl: 'private, max-age=86400',
        }),
      );
    },
    deleteMedia: (tenantId, mediaId) => deleteMediaObjects(s3, name, tenantId, mediaId),
  };
}
