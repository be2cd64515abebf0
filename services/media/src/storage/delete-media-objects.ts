import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { MEDIA_OBJECT_KEYS } from '@stratum/data';

/** S3 deletes at most this many keys per DeleteObjects call. */
const DELETE_BATCH = 1000;

/** Some objects could not be deleted; the caller's retry will try again (deletes are idempotent). */
export class MediaObjectDeletionError extends Error {
  override readonly name = 'MediaObjectDeletionError';
  constructor(readonly failedKeys: readonly string[]) {
    super(`Could not delete ${failedKeys.length} media object(s), first: ${failedKeys[0] ?? '-'}`);
  }
}

/**
 * Deletes every object of one media item — the original and all renditions, i.e. everything
 * under `tenants/<tenant>/media/<media>/` — and returns how many keys it deleted. Idempotent: a
 * second call finds nothing. Used by the subgraph's `deleteMedia` and by the media processor
 * (todo deleted, orphan uploads and renditions). The bucket is unversioned, so a delete is final.
 */
export async function deleteMediaObjects(
  s3: S3Client,
  bucket: string,
  tenantId: string,
  mediaId: string,
): Promise<number> {
  const prefix = MEDIA_OBJECT_KEYS.mediaPrefix(tenantId, mediaId);
  let deleted = 0;
  let continuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        MaxKeys: DELETE_BATCH,
        ...(continuationToken ? { ContinuationToken: continuationToken } : {}),
      }),
    );
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
    if (keys.length > 0) {
      const result = await s3.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = (result.Errors ?? []).flatMap((error) => (error.Key ? [error.Key] : []));
      if (failed.length > 0) throw new MediaObjectDeletionError(failed);
      deleted += keys.length;
    }
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
  return deleted;
}
