import { MediaNotFoundError, type MediaRepository, type TenantScope } from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import type { MediaBucket } from './media-bucket.ts';
import { PROCESSOR_USER_ID } from './process-upload.ts';

export interface TodoMediaRemovalDependencies {
  readonly media: MediaRepository;
  readonly bucket: MediaBucket;
  readonly logger: Observability['logger'];
}

/**
 * Removes every media item of a deleted todo: objects first, then the item (the order
 * `deleteMedia` uses too). Idempotent: a redelivered event finds nothing left. Any failure
 * throws, so the event is retried and, at worst, lands in the rule's DLQ.
 */
export function createTodoMediaRemoval(deps: TodoMediaRemovalDependencies) {
  const { media, bucket, logger } = deps;

  return async function removeTodoMedia(tenantId: string, todoId: string): Promise<number> {
    const scope: TenantScope = { tenantId, userId: PROCESSOR_USER_ID };
    const items = await media.listByTodo(scope, todoId);
    for (const item of items) {
      const objects = await bucket.deleteMedia(tenantId, item.mediaId);
      try {
        await media.delete(scope, item.mediaId);
      } catch (error) {
        if (!(error instanceof MediaNotFoundError)) throw error;
      }
      logger.info('Media of a deleted todo removed', { tenantId, todoId, mediaId: item.mediaId, objects });
    }
    return items.length;
  };
}
