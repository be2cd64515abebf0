import {
  MEDIA_OBJECT_KEYS,
  type Media,
  MediaNotFoundError,
  type MediaRendition,
  type MediaRepository,
  parseOriginalKey,
  type TenantScope,
  VersionConflictError,
} from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import { checkOriginal, DETECTION_BYTES } from './content-check.ts';
import { MediaRejectedError } from './errors.ts';
import { imageThumbnails } from './image-renditions.ts';
import type { MediaBucket } from './media-bucket.ts';
import type { Transcoder } from './transcoder.ts';

/** The user id the processor writes with: it acts inside the tenant named by the object key. */
export const PROCESSOR_USER_ID = 'media-processor';

export interface UploadProcessorDependencies {
  readonly media: MediaRepository;
  readonly bucket: MediaBucket;
  readonly transcoder: Transcoder;
  readonly logger: Observability['logger'];
}

/** What became of one uploaded object (for logs and tests). */
export type UploadOutcome =
  | 'ready'
  | 'transcoding'
  | 'failed'
  | 'duplicate'
  | 'ignored-key'
  | 'object-gone'
  | 'orphan-removed'
  | 'superseded';

/**
 * Processes one uploaded original, idempotently:
 *
 * 1. reads the object's head; its ETag identifies this upload (a redelivered event has the
 *    same ETag, a replaced original a new one);
 * 2. skips an upload already handled (ready, failed, or a video whose job exists);
 * 3. claims it with a conditional write (pending → processing): of two concurrent deliveries one
 *    wins, the other stops;
 * 4. checks type, size and magic bytes; images get thumbnails then READY, videos a MediaConvert
 *    job (completion arrives later as an event); a bad file ends FAILED with a reason.
 *
 * Only transient errors (S3, DynamoDB, MediaConvert availability) throw.
 */
export function createUploadProcessor(deps: UploadProcessorDependencies) {
  const { media, bucket, transcoder, logger } = deps;

  async function finish(
    scope: TenantScope,
    claimed: Media,
    change: Parameters<MediaRepository['update']>[3],
  ) {
    try {
      return await media.update(scope, claimed.mediaId, claimed.version, change);
    } catch (error) {
      if (error instanceof MediaNotFoundError) {
        // Deleted while we worked: what we just wrote would be orphaned.
        await bucket.deleteMedia(scope.tenantId, claimed.mediaId);
        return 'orphan-removed' as const;
      }
      if (error instanceof VersionConflictError) return 'superseded' as const;
      throw error;
    }
  }

  async function makeThumbnails(claimed: Media, eTag: string): Promise<MediaRendition[]> {
    const original = await bucket.read(claimed.originalKey, eTag);
    const renditions: MediaRendition[] = [];
    for (const thumbnail of await imageThumbnails(original)) {
      const key = MEDIA_OBJECT_KEYS.rendition(claimed.tenantId, claimed.mediaId, thumbnail.fileName);
      await bucket.write(key, thumbnail.body, thumbnail.contentType);
      renditions.push({
        name: thumbnail.name,
        key,
        contentType: thumbnail.contentType,
        width: thumbnail.width,
        height: thumbnail.height,
      });
    }
    return renditions;
  }

  return async function processUpload(key: string): Promise<UploadOutcome> {
    const ref = parseOriginalKey(key);
    if (!ref) {
      logger.warn('Object key is not a media original; ignored', { key });
      return 'ignored-key';
    }
    const scope: TenantScope = { tenantId: ref.tenantId, userId: PROCESSOR_USER_ID };
    const ids = { tenantId: ref.tenantId, mediaId: ref.mediaId };

    const head = await bucket.head(key);
    if (!head) {
      logger.info('Original no longer exists; nothing to do', { ...ids, key });
      return 'object-gone';
    }
    let current: Media;
    try {
      current = await media.get(scope, ref.mediaId);
    } catch (error) {
      if (!(error instanceof MediaNotFoundError)) throw error;
      // No item: deleted media, an expired ticket's item, or a key nobody was given.
      const removed = await bucket.deleteMedia(ref.tenantId, ref.mediaId);
      logger.warn('Upload without a media item; objects removed', { ...ids, key, removed });
      return 'orphan-removed';
    }

    const sameUpload = current.originalETag === head.eTag;
    const handled =
      current.status === 'ready' ||
      current.status === 'failed' ||
      (current.status === 'processing' && current.jobId !== null);
    if (sameUpload && handled) {
      logger.info('Upload already processed; redelivery ignored', { ...ids, status: current.status });
      return 'duplicate';
    }

    let claimed: Media;
    try {
      claimed = await media.update(scope, current.mediaId, current.version, {
        status: 'processing',
        originalETag: head.eTag,
        size: head.size,
        jobId: null,
        renditions: [],
      });
    } catch (error) {
      if (error instanceof VersionConflictError) {
        logger.info('Another delivery claimed this upload first', ids);
        return 'duplicate';
      }
      throw error;
    }

    try {
      const firstBytes = await bucket.readStart(key, DETECTION_BYTES, head.eTag);
      const type = await checkOriginal(claimed.contentType, head, firstBytes);
      if (type.kind === 'image') {
        const renditions = await makeThumbnails(claimed, head.eTag);
        const outcome = await finish(scope, claimed, { status: 'ready', renditions });
        if (typeof outcome === 'string') return outcome;
        logger.info('Image ready', { ...ids, renditions: renditions.map((r) => r.name) });
        return 'ready';
      }
      const jobId = await transcoder.start(claimed, head.eTag);
      const outcome = await finish(scope, claimed, { jobId });
      if (typeof outcome === 'string') return outcome;
      logger.info('Transcoding job created', { ...ids, jobId });
      return 'transcoding';
    } catch (error) {
      if (!(error instanceof MediaRejectedError)) throw error;
      const outcome = await finish(scope, claimed, { status: 'failed', failureReason: error.reason });
      if (typeof outcome === 'string') return outcome;
      logger.warn('Upload rejected', { ...ids, reason: error.reason });
      return 'failed';
    }
  };
}

export type UploadProcessor = ReturnType<typeof createUploadProcessor>;
