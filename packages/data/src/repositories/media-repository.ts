import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import { isConditionalCheckFailure, transactionCancellationCodes } from '../conditional-failure.ts';
import type { MediaEntity } from '../entities/media-entity.ts';
import type { TodoEntity } from '../entities/todo-entity.ts';
import { DataValidationError, TodoNotFoundError, VersionConflictError } from '../errors.ts';
import type { Media, MediaChange, MediaRepository } from '../media-contract.ts';
import { MediaNotFoundError } from '../media-errors.ts';
import { MEDIA_KEYS } from '../media-keys.ts';
import { MEDIA_OBJECT_KEYS } from '../media-object-keys.ts';
import { mediaTypeOf } from '../media-types.ts';
import { mediaChangeSchema, newMediaSchema } from '../media-validation.ts';
import type { StratumTable } from '../stratum-table.ts';
import { parseInput, scopeSchema, ulidSchema, versionSchema } from '../validation.ts';
import { toMedia, toStoredMedia } from './media-item.ts';

/** A pending item whose upload never came is deleted by TTL this long after its creation. */
export const PENDING_MEDIA_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The page size used to read all the media of one todo. */
const PAGE_SIZE = 100;

export function createMediaRepository(
  table: StratumTable,
  entity: MediaEntity,
  todos: TodoEntity,
  now: () => Date = () => new Date(),
): MediaRepository {
  async function read(tenantId: string, mediaId: string): Promise<Media> {
    const { Item } = await entity
      .build(GetItemCommand)
      .key({ tenantId, mediaId })
      .options({ consistent: true })
      .send();
    if (!Item) throw new MediaNotFoundError(mediaId);
    return toMedia(Item);
  }

  function put(media: Media) {
    const ttl =
      media.status === 'pending'
        ? Math.floor((Date.parse(media.createdAt) + PENDING_MEDIA_LIFETIME_MS) / 1000)
        : undefined;
    return entity.build(PutItemCommand).item(toStoredMedia(media, ttl));
  }

  return {
    async create(scopeInput, input) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const valid = parseInput(newMediaSchema, input, 'input');
      const type = mediaTypeOf(valid.contentType);
      if (!type) throw new DataValidationError('input.contentType', 'is not an accepted media type');
      const createdAt = now();
      const mediaId = ulid(createdAt.getTime());
      const media: Media = {
        tenantId: scope.tenantId,
        mediaId,
        todoId: valid.todoId,
        contentType: type.contentType,
        kind: type.kind,
        declaredSize: valid.size,
        size: null,
        status: 'pending',
        failureReason: null,
        originalKey: MEDIA_OBJECT_KEYS.original(scope.tenantId, mediaId),
        renditions: [],
        originalETag: null,
        jobId: null,
        createdBy: scope.userId,
        createdAt: createdAt.toISOString(),
        updatedAt: createdAt.toISOString(),
        version: 1,
      };
      const ttl = Math.floor((createdAt.getTime() + PENDING_MEDIA_LIFETIME_MS) / 1000);
      try {
        // The todo check and the put are one transaction: a todo deleted in between cannot
        // end up with a media item that its cleanup never sees.
        await execute(
          todos
            .build(ConditionCheck)
            .key({ tenantId: scope.tenantId, todoId: valid.todoId })
            .condition({ attr: 'todoId', exists: true }),
          entity
            .build(PutTransaction)
            .item(toStoredMedia(media, ttl))
            .options({ condition: { attr: 'mediaId', exists: false } }),
        );
      } catch (error) {
        if (transactionCancellationCodes(error)?.[0] === 'ConditionalCheckFailed') {
          throw new TodoNotFoundError(valid.todoId);
        }
        throw error;
      }
      return media;
    },

    async get(scopeInput, mediaId) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      return read(scope.tenantId, parseInput(ulidSchema, mediaId, 'mediaId'));
    },

    async listByTodo(scopeInput, todoId) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const id = parseInput(ulidSchema, todoId, 'todoId');
      const media: Media[] = [];
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const { Items = [], LastEvaluatedKey } = await table
          .build(QueryCommand)
          .entities(entity)
          .query({ index: 'gsi1', partition: MEDIA_KEYS.ofTodo(scope.tenantId, id) })
          .options({ limit: PAGE_SIZE, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
          .send();
        media.push(...Items.map(toMedia));
        exclusiveStartKey = LastEvaluatedKey;
      } while (exclusiveStartKey);
      return media;
    },

    async update(scopeInput, mediaId, expectedVersion, changeInput: MediaChange) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const id = parseInput(ulidSchema, mediaId, 'mediaId');
      const version = parseInput(versionSchema, expectedVersion, 'expectedVersion');
      const change = parseInput(mediaChangeSchema, changeInput, 'change');
      const current = await read(scope.tenantId, id);
      if (current.version !== version) {
        throw new VersionConflictError('Media', id, version, current.version);
      }
      const status = change.status ?? current.status;
      const failureReason = status === 'failed' ? (change.failureReason ?? current.failureReason) : null;
      if (status === 'failed' && !failureReason) {
        throw new DataValidationError('change.failureReason', 'is required when the status is failed');
      }
      const next: Media = {
        ...current,
        ...(change.size !== undefined ? { size: change.size } : {}),
        ...(change.renditions !== undefined ? { renditions: change.renditions } : {}),
        ...(change.originalETag !== undefined ? { originalETag: change.originalETag } : {}),
        ...(change.jobId !== undefined ? { jobId: change.jobId } : {}),
        status,
        failureReason,
        updatedAt: now().toISOString(),
        version: current.version + 1,
      };
      try {
        await put(next)
          .options({ condition: { attr: 'version', eq: current.version } })
          .send();
        return next;
      } catch (error) {
        if (!isConditionalCheckFailure(error)) throw error;
        const latest = await read(scope.tenantId, id);
        throw new VersionConflictError('Media', id, version, latest.version);
      }
    },

    async delete(scopeInput, mediaId) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const id = parseInput(ulidSchema, mediaId, 'mediaId');
      try {
        await entity
          .build(DeleteItemCommand)
          .key({ tenantId: scope.tenantId, mediaId: id })
          .options({ condition: { attr: 'mediaId', exists: true } })
          .send();
      } catch (error) {
        if (isConditionalCheckFailure(error)) throw new MediaNotFoundError(id);
        throw error;
      }
    },
  };
}
