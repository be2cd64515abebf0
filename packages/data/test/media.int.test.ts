import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createLocalClient } from '@stratum/dynamodb-local';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createMediaStore,
  DataValidationError,
  MediaNotFoundError,
  type MediaRepository,
  PENDING_MEDIA_LIFETIME_MS,
  TodoNotFoundError,
  VersionConflictError,
} from '../src/index.ts';
import { newScope, useLocalStore } from './support/local-store.ts';

const local = useLocalStore();
let media: MediaRepository;

beforeAll(() => {
  media = createMediaStore({ tableName: 'stratum', client: createLocalClient(local.endpoint) });
});

async function todoOf(scope = newScope()) {
  const todo = await local.store.todos.create(scope, { title: 'with media' });
  return { scope, todoId: todo.todoId };
}

describe('media items', () => {
  it('creates a pending item under the tenant prefix and reads it back', async () => {
    const { scope, todoId } = await todoOf();
    const item = await media.create(scope, { todoId, contentType: 'image/png', size: 1234 });
    expect(item).toMatchObject({
      tenantId: scope.tenantId,
      todoId,
      contentType: 'image/png',
      kind: 'image',
      declaredSize: 1234,
      size: null,
      status: 'pending',
      failureReason: null,
      originalKey: `tenants/${scope.tenantId}/media/${item.mediaId}/original`,
      renditions: [],
      createdBy: scope.userId,
      version: 1,
    });
    expect(await media.get(scope, item.mediaId)).toEqual(item);
  });

  it('sets a TTL on pending items only', async () => {
    const { scope, todoId } = await todoOf();
    const item = await media.create(scope, { todoId, contentType: 'video/mp4', size: 10 });
    const raw = async () =>
      (
        await createLocalClient(local.endpoint).send(
          new GetItemCommand({
            TableName: 'stratum',
            Key: { pk: { S: `T#${scope.tenantId}` }, sk: { S: `MEDIA#${item.mediaId}` } },
          }),
        )
      ).Item;
    const expected = Math.floor((Date.parse(item.createdAt) + PENDING_MEDIA_LIFETIME_MS) / 1000);
    expect((await raw())?.ttl).toEqual({ N: String(expected) });
    await media.update(scope, item.mediaId, 1, { status: 'processing', originalETag: '"e1"', size: 10 });
    expect((await raw())?.ttl).toBeUndefined();
  });

  it('refuses a todo that does not exist in the tenant, even one of another tenant', async () => {
    const { todoId } = await todoOf(newScope('a'));
    const other = newScope('b');
    await expect(media.create(other, { todoId, contentType: 'image/png', size: 1 })).rejects.toBeInstanceOf(
      TodoNotFoundError,
    );
    expect(await media.listByTodo(other, todoId)).toEqual([]);
  });

  it('validates content type and size against the allow-list, naming the field', async () => {
    const { scope, todoId } = await todoOf();
    const badType = await media.create(scope, { todoId, contentType: 'text/html', size: 1 }).catch((e) => e);
    expect(badType).toBeInstanceOf(DataValidationError);
    expect(badType.field).toBe('input.contentType');
    const tooLarge = await media
      .create(scope, { todoId, contentType: 'image/png', size: 21 * 1024 * 1024 })
      .catch((e) => e);
    expect(tooLarge).toMatchObject({ field: 'input.size' });
    const empty = await media.create(scope, { todoId, contentType: 'image/png', size: 0 }).catch((e) => e);
    expect(empty).toMatchObject({ field: 'input.size' });
  });

  it('lists the media of one todo, oldest first, and nothing of another todo or tenant', async () => {
    const { scope, todoId } = await todoOf();
    const { todoId: otherTodo } = await todoOf(scope);
    const first = await media.create(scope, { todoId, contentType: 'image/png', size: 1 });
    const second = await media.create(scope, { todoId, contentType: 'video/webm', size: 2 });
    await media.create(scope, { todoId: otherTodo, contentType: 'image/gif', size: 3 });
    const listed = await media.listByTodo(scope, todoId);
    expect(listed.map((m) => m.mediaId)).toEqual([first.mediaId, second.mediaId]);
    expect(await media.listByTodo(newScope(), todoId)).toEqual([]);
  });

  it('applies changes with optimistic concurrency; a stale version is a conflict', async () => {
    const { scope, todoId } = await todoOf();
    const item = await media.create(scope, { todoId, contentType: 'image/jpeg', size: 5 });
    const processing = await media.update(scope, item.mediaId, 1, { status: 'processing', size: 5 });
    expect(processing).toMatchObject({ status: 'processing', size: 5, version: 2 });
    const rendition = { name: 'thumb-256', key: 'k', contentType: 'image/webp', width: 256, height: 128 };
    const ready = await media.update(scope, item.mediaId, 2, { status: 'ready', renditions: [rendition] });
    expect(await media.get(scope, item.mediaId)).toEqual(ready);
    expect(ready.renditions).toEqual([rendition]);
    const stale = await media
      .update(scope, item.mediaId, 2, { status: 'failed', failureReason: 'x' })
      .catch((e) => e);
    expect(stale).toBeInstanceOf(VersionConflictError);
    expect(stale).toMatchObject({ expectedVersion: 2, actualVersion: 3 });
  });

  it('lets one of two concurrent writers of the same version win', async () => {
    const { scope, todoId } = await todoOf();
    const item = await media.create(scope, { todoId, contentType: 'image/png', size: 5 });
    const results = await Promise.allSettled([
      media.update(scope, item.mediaId, 1, { status: 'processing', originalETag: '"a"' }),
      media.update(scope, item.mediaId, 1, { status: 'processing', originalETag: '"b"' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await media.get(scope, item.mediaId)).version).toBe(2);
  });

  it('requires a reason for failed and clears it on any other status', async () => {
    const { scope, todoId } = await todoOf();
    const item = await media.create(scope, { todoId, contentType: 'image/png', size: 5 });
    await expect(media.update(scope, item.mediaId, 1, { status: 'failed' })).rejects.toMatchObject({
      field: 'change.failureReason',
    });
    const failed = await media.update(scope, item.mediaId, 1, {
      status: 'failed',
      failureReason: 'bad bytes',
    });
    expect(failed.failureReason).toBe('bad bytes');
    const again = await media.update(scope, item.mediaId, 2, { status: 'processing' });
    expect(again.failureReason).toBeNull();
  });

  it('keeps tenants apart: another tenant cannot read, change or delete the item', async () => {
    const { scope, todoId } = await todoOf(newScope('owner'));
    const item = await media.create(scope, { todoId, contentType: 'image/png', size: 5 });
    const intruder = newScope('intruder');
    await expect(media.get(intruder, item.mediaId)).rejects.toBeInstanceOf(MediaNotFoundError);
    await expect(media.update(intruder, item.mediaId, 1, { status: 'processing' })).rejects.toBeInstanceOf(
      MediaNotFoundError,
    );
    await expect(media.delete(intruder, item.mediaId)).rejects.toBeInstanceOf(MediaNotFoundError);
    expect(await media.get(scope, item.mediaId)).toEqual(item);
  });

  it('deletes; a second delete or get is not found', async () => {
    const { scope, todoId } = await todoOf();
    const item = await media.create(scope, { todoId, contentType: 'image/png', size: 5 });
    await media.delete(scope, item.mediaId);
    await expect(media.get(scope, item.mediaId)).rejects.toBeInstanceOf(MediaNotFoundError);
    await expect(media.delete(scope, item.mediaId)).rejects.toBeInstanceOf(MediaNotFoundError);
    expect(await media.listByTodo(scope, todoId)).toEqual([]);
  });

  it('refuses ids that are not ULIDs before any read', async () => {
    const scope = newScope();
    await expect(media.get(scope, 'MEDIA#x')).rejects.toMatchObject({ field: 'mediaId' });
    await expect(media.listByTodo(scope, '../x')).rejects.toMatchObject({ field: 'todoId' });
  });
});
