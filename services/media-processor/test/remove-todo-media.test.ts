import { createObservability } from '@stratum/runtime';
import { describe, expect, it } from 'vitest';
import { createMediaBucket } from '../src/media-bucket.ts';
import { createTodoMediaRemoval } from '../src/remove-todo-media.ts';
import { createTodoDeletedEventHandler } from '../src/todo-deleted-event-handler.ts';
import { createFakeBucket } from './support/fake-bucket.ts';
import { InMemoryMedia } from './support/in-memory-media.ts';

const BUCKET = 'media-bucket';
const scope = { tenantId: 'tenant-a', userId: 'user-a1' };
const GONE = '01JZ0000000000000000000TD1';
const KEPT = '01JZ0000000000000000000TD2';
const { logger } = createObservability('media-processor-test');
logger.setLogLevel('SILENT');

const todoDeleted = (tenantId: string, todoId: string) => ({
  source: 'stratum.todo',
  'detail-type': 'TodoDeleted',
  detail: {
    version: 1,
    eventId: 'evt-0000000000000001',
    occurredAt: '2026-01-01T00:00:00.000Z',
    tenantId,
    todoId,
    title: 'gone',
    createdBy: 'user-a1',
  },
});

describe('TodoDeleted cleanup', () => {
  it("removes the deleted todo's media, objects and items, and nothing else; redelivery is a no-op", async () => {
    const bucket = createFakeBucket(BUCKET);
    const media = new InMemoryMedia();
    const handle = createTodoDeletedEventHandler({
      logger,
      removeTodoMedia: createTodoMediaRemoval({
        media,
        bucket: createMediaBucket(bucket.s3, BUCKET),
        logger,
      }),
    });
    const gone = [
      await media.create(scope, { todoId: GONE, contentType: 'image/png', size: 1 }),
      await media.create(scope, { todoId: GONE, contentType: 'video/mp4', size: 1 }),
    ];
    const kept = await media.create(scope, { todoId: KEPT, contentType: 'image/png', size: 1 });
    const otherTenant = await media.create(
      { tenantId: 'tenant-b', userId: 'u' },
      { todoId: GONE, contentType: 'image/png', size: 1 },
    );
    for (const item of [...gone, kept, otherTenant]) {
      bucket.put(item.originalKey, Buffer.from('x'), item.contentType);
      bucket.put(
        item.originalKey.replace(/original$/, 'renditions/thumb-256.webp'),
        Buffer.from('y'),
        'image/webp',
      );
    }

    expect(await handle(todoDeleted('tenant-a', GONE))).toBe(2);
    expect([...media.items.values()].map((m) => m.mediaId).sort()).toEqual(
      [kept.mediaId, otherTenant.mediaId].sort(),
    );
    const remaining = [...bucket.objects.keys()];
    expect(remaining).toHaveLength(4);
    expect(remaining.every((key) => key.includes(kept.mediaId) || key.includes(otherTenant.mediaId))).toBe(
      true,
    );

    expect(await handle(todoDeleted('tenant-a', GONE))).toBe(0);
  });

  it('drops events it cannot read or that are of another type', async () => {
    const media = new InMemoryMedia();
    const bucket = createFakeBucket(BUCKET);
    const handle = createTodoDeletedEventHandler({
      logger,
      removeTodoMedia: createTodoMediaRemoval({
        media,
        bucket: createMediaBucket(bucket.s3, BUCKET),
        logger,
      }),
    });
    expect(
      await handle({ source: 'stratum.todo', 'detail-type': 'TodoDeleted', detail: { tenantId: 'x' } }),
    ).toBe(0);
    expect(await handle({ source: 'stratum.todo', 'detail-type': 'Nope', detail: {} })).toBe(0);
    const created = { ...todoDeleted('tenant-a', GONE), 'detail-type': 'TodoCreated' };
    expect(await handle(created)).toBe(0);
  });
});
