import { MEDIA_OBJECT_KEYS, MediaNotFoundError, type MediaRepository, type TenantScope } from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import { renditionsOfJob } from './job-outputs.ts';
import type { JobStateDetail } from './job-state-event.ts';
import type { MediaBucket } from './media-bucket.ts';
import { PROCESSOR_USER_ID } from './process-upload.ts';

export interface TranscodeCompletionDependencies {
  readonly media: MediaRepository;
  readonly bucket: MediaBucket;
  readonly logger: Observability['logger'];
}

export type CompletionOutcome =
  | 'ready'
  | 'failed'
  | 'ignored-status'
  | 'stale-job'
  | 'duplicate'
  | 'orphan-removed';

/**
 * Records the end of a MediaConvert job on its media item: COMPLETE → READY with the job's
 * renditions, ERROR → FAILED with MediaConvert's reason. Idempotent: an item already READY or
 * FAILED, or whose current job is another one (the original was replaced), is left alone. A
 * version conflict throws, so EventBridge redelivers and the next attempt re-reads.
 */
export function createTranscodeCompletion(deps: TranscodeCompletionDependencies) {
  const { media, bucket, logger } = deps;

  return async function completeTranscode(detail: JobStateDetail): Promise<CompletionOutcome> {
    if (detail.status !== 'COMPLETE' && detail.status !== 'ERROR') return 'ignored-status';
    const { tenantId, mediaId } = detail.userMetadata;
    const ids = { tenantId, mediaId, jobId: detail.jobId };
    const scope: TenantScope = { tenantId, userId: PROCESSOR_USER_ID };

    let current: Awaited<ReturnType<MediaRepository['get']>>;
    try {
      current = await media.get(scope, mediaId);
    } catch (error) {
      if (!(error instanceof MediaNotFoundError)) throw error;
      // Deleted while transcoding: the job's outputs have nothing to belong to.
      const removed = await bucket.deleteMedia(tenantId, mediaId);
      logger.warn('Job finished for a deleted media item; outputs removed', { ...ids, removed });
      return 'orphan-removed';
    }
    if (current.jobId !== detail.jobId) {
      logger.info('Job is not the current one of the media item; ignored', {
        ...ids,
        currentJob: current.jobId,
      });
      return 'stale-job';
    }
    if (current.status !== 'processing') {
      logger.info('Job outcome already recorded', { ...ids, status: current.status });
      return 'duplicate';
    }

    if (detail.status === 'ERROR') {
      const reason = `transcoding failed: ${detail.errorMessage ?? 'no reason given'} (MediaConvert error ${detail.errorCode ?? 'unknown'})`;
      await media.update(scope, mediaId, current.version, { status: 'failed', failureReason: reason });
      logger.warn('Transcoding failed', { ...ids, reason });
      return 'failed';
    }
    const prefix = MEDIA_OBJECT_KEYS.renditionsPrefix(tenantId, mediaId);
    const renditions = renditionsOfJob(detail, bucket.name, prefix);
    if (renditions.length === 0) {
      const reason = 'transcoding produced no playable output';
      await media.update(scope, mediaId, current.version, { status: 'failed', failureReason: reason });
      logger.error('Completed job reported no usable output', { ...ids });
      return 'failed';
    }
    await media.update(scope, mediaId, current.version, { status: 'ready', renditions });
    logger.info('Video ready', { ...ids, renditions: renditions.map((r) => r.name) });
    return 'ready';
  };
}
