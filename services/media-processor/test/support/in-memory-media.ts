import {
  DataValidationError,
  MEDIA_OBJECT_KEYS,
  type Media,
  MediaNotFoundError,
  type MediaRepository,
  mediaTypeOf,
  VersionConflictError,
} from '@stratum/data';

/**
 * A MediaRepository in memory with the semantics the processor relies on: tenant-keyed reads,
 * version-checked updates, failed needs a reason. The DynamoDB implementation is tested against
 * DynamoDB Local in packages/data.
 */
export class InMemoryMedia implements MediaRepository {
  readonly items = new Map<string, Media>();
  private counter = 0;

  private id(tenantId: string, mediaId: string) {
    return `${tenantId}/${mediaId}`;
  }

  async create(
    scope: { tenantId: string; userId: string },
    input: { todoId: string; contentType: string; size: number },
  ) {
    this.counter += 1;
    const mediaId = `01JZ${String(this.counter).padStart(22, '0')}`;
    const now = new Date().toISOString();
    const media: Media = {
      tenantId: scope.tenantId,
      mediaId,
      todoId: input.todoId,
      contentType: input.contentType,
      kind: mediaTypeOf(input.contentType)?.kind ?? 'image',
      declaredSize: input.size,
      size: null,
      status: 'pending',
      failureReason: null,
      originalKey: MEDIA_OBJECT_KEYS.original(scope.tenantId, mediaId),
      renditions: [],
      originalETag: null,
      jobId: null,
      createdBy: scope.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    this.items.set(this.id(scope.tenantId, mediaId), media);
    return media;
  }

  async get(scope: { tenantId: string }, mediaId: string) {
    const media = this.items.get(this.id(scope.tenantId, mediaId));
    if (!media) throw new MediaNotFoundError(mediaId);
    return media;
  }

  async listByTodo(scope: { tenantId: string }, todoId: string) {
    return [...this.items.values()].filter((m) => m.tenantId === scope.tenantId && m.todoId === todoId);
  }

  async update(...[scope, mediaId, expectedVersion, change]: Parameters<MediaRepository['update']>) {
    const current = await this.get(scope, mediaId);
    // Yield like a network call would, so that concurrent callers interleave.
    await new Promise((resolve) => setImmediate(resolve));
    const latest = await this.get(scope, mediaId);
    if (latest.version !== expectedVersion || current.version !== latest.version) {
      throw new VersionConflictError('Media', mediaId, expectedVersion, latest.version);
    }
    const status = change.status ?? latest.status;
    const failureReason = status === 'failed' ? (change.failureReason ?? latest.failureReason) : null;
    if (status === 'failed' && !failureReason) {
      throw new DataValidationError('change.failureReason', 'is required when the status is failed');
    }
    const next: Media = {
      ...latest,
      ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
      status,
      failureReason,
      version: latest.version + 1,
      updatedAt: new Date().toISOString(),
    };
    this.items.set(this.id(scope.tenantId, mediaId), next);
    return next;
  }

  async delete(scope: { tenantId: string }, mediaId: string) {
    if (!this.items.delete(this.id(scope.tenantId, mediaId))) throw new MediaNotFoundError(mediaId);
  }
}
