import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  DomainEventValidationError,
  domainEventsFromStreamRecord,
  StreamRecordError,
  TABLE_STREAM_FILTER_PATTERNS,
} from '../src/index.ts';

const TODO_ID = '01J9Z8Q6T3V4W5X6Y7Z8A9B0C1';
const todo = {
  _et: 'todo',
  pk: 'T#acme',
  sk: `TODO#${TODO_ID}`,
  tenantId: 'acme',
  todoId: TODO_ID,
  title: 'File taxes',
  status: 'open',
  dueDate: '2030-01-31',
  tags: ['home'],
  createdBy: 'user-1',
  createdAt: '2030-01-01T10:00:00.000Z',
  updatedAt: '2030-01-01T10:00:00.000Z',
  version: 1,
};
const done = { ...todo, status: 'done', completedAt: '2030-01-02T09:00:00.000Z', version: 2 };

function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  images: { newItem?: object; oldItem?: object },
  extra: object = {},
) {
  return {
    eventID: `evt-${eventName}-1`,
    eventName,
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_893_492_000,
      Keys: marshall({ pk: 'T#acme', sk: `TODO#${TODO_ID}` }),
      ...(images.newItem ? { NewImage: marshall(images.newItem) } : {}),
      ...(images.oldItem ? { OldImage: marshall(images.oldItem) } : {}),
      SequenceNumber: '100',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...extra,
  };
}

describe('domainEventsFromStreamRecord', () => {
  it('todo INSERT → TodoCreated, with the commit time and a stable id', () => {
    const [event, ...rest] = domainEventsFromStreamRecord(record('INSERT', { newItem: todo }));
    expect(rest).toEqual([]);
    expect(event).toEqual({
      source: 'stratum.todo',
      detailType: 'TodoCreated',
      detail: {
        version: 1,
        eventId: expect.stringMatching(/^[0-9a-f]{32}$/),
        occurredAt: '2030-01-01T10:00:00.000Z',
        tenantId: 'acme',
        todoId: TODO_ID,
        title: 'File taxes',
        dueDate: '2030-01-31',
        createdBy: 'user-1',
      },
    });
    const again = domainEventsFromStreamRecord(record('INSERT', { newItem: todo }));
    expect(again[0]?.detail.eventId).toBe(event?.detail.eventId);
    const other = domainEventsFromStreamRecord({ ...record('INSERT', { newItem: todo }), eventID: 'evt-2' });
    expect(other[0]?.detail.eventId).not.toBe(event?.detail.eventId);
  });

  it('a todo without due date has dueDate null', () => {
    const { dueDate: _omitted, ...undated } = todo;
    const [event] = domainEventsFromStreamRecord(record('INSERT', { newItem: undated }));
    expect(event?.detailType === 'TodoCreated' && event.detail.dueDate).toBeNull();
  });

  it('todo MODIFY open → done is TodoCompleted; any other edit is nothing', () => {
    const [completed] = domainEventsFromStreamRecord(record('MODIFY', { oldItem: todo, newItem: done }));
    expect(completed).toMatchObject({
      detailType: 'TodoCompleted',
      detail: { completedAt: '2030-01-02T09:00:00.000Z', createdBy: 'user-1' },
    });
    const retitled = { ...todo, title: 'File taxes now', version: 2 };
    expect(domainEventsFromStreamRecord(record('MODIFY', { oldItem: todo, newItem: retitled }))).toEqual([]);
    expect(domainEventsFromStreamRecord(record('MODIFY', { oldItem: done, newItem: todo }))).toEqual([]);
    expect(domainEventsFromStreamRecord(record('MODIFY', { oldItem: done, newItem: done }))).toEqual([]);
  });

  it('todo REMOVE → TodoDeleted, but not when TTL (the service) removed it', () => {
    const [deleted] = domainEventsFromStreamRecord(record('REMOVE', { oldItem: todo }));
    expect(deleted).toMatchObject({ detailType: 'TodoDeleted', detail: { todoId: TODO_ID } });
    const ttl = { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } };
    expect(domainEventsFromStreamRecord(record('REMOVE', { oldItem: todo }, ttl))).toEqual([]);
  });

  it('pending invitation INSERT → MemberInvited; member INSERT → MemberJoined', () => {
    const invitation = {
      _et: 'invitation',
      tenantId: 'acme',
      invitationId: TODO_ID,
      email: 'bo@example.com',
      role: 'member',
      invitedBy: 'user-1',
      status: 'pending',
      createdAt: '2030-01-01T10:00:00.000Z',
      expiresAt: '2030-01-08T10:00:00.000Z',
      ttl: 1_893_924_000,
    };
    expect(domainEventsFromStreamRecord(record('INSERT', { newItem: invitation }))).toMatchObject([
      { source: 'stratum.tenancy', detailType: 'MemberInvited', detail: { email: 'bo@example.com' } },
    ]);
    const member = {
      _et: 'member',
      tenantId: 'acme',
      userId: 'user-2',
      email: 'bo@example.com',
      displayName: 'Bo',
      role: 'member',
      joinedAt: '2030-01-01T10:00:00.000Z',
    };
    expect(domainEventsFromStreamRecord(record('INSERT', { newItem: member }))).toMatchObject([
      { detailType: 'MemberJoined', detail: { userId: 'user-2', displayName: 'Bo' } },
    ]);
  });

  it('other entities and records without an entity are nothing', () => {
    const tenant = { _et: 'tenant', tenantId: 'acme', name: 'Acme', createdAt: '2030-01-01T00:00:00.000Z' };
    expect(domainEventsFromStreamRecord(record('INSERT', { newItem: tenant }))).toEqual([]);
    expect(domainEventsFromStreamRecord(record('INSERT', { newItem: { pk: 'x', sk: 'y' } }))).toEqual([]);
  });

  it('is loud about records it cannot read and items that break the schema', () => {
    expect(() => domainEventsFromStreamRecord({ eventName: 'INSERT' })).toThrow(StreamRecordError);
    expect(() => domainEventsFromStreamRecord(record('INSERT', {}))).toThrow(
      /neither a new nor an old image/,
    );
    expect(() => domainEventsFromStreamRecord(record('INSERT', { newItem: { ...todo, title: '' } }))).toThrow(
      expect.objectContaining({ field: 'detail.title' }),
    );
    const badImage = record('INSERT', { newItem: todo });
    badImage.dynamodb.NewImage = { title: { Q: 'what' } } as never;
    expect(() => domainEventsFromStreamRecord(badImage)).toThrow(StreamRecordError);
    expect(DomainEventValidationError).toBeDefined();
  });

  it('the Pipe filter selects the entities the mapping reads', () => {
    const text = JSON.stringify(TABLE_STREAM_FILTER_PATTERNS);
    for (const entity of ['todo', 'invitation', 'member', 'media']) expect(text).toContain(`"${entity}"`);
    for (const pattern of TABLE_STREAM_FILTER_PATTERNS)
      expect(JSON.stringify(pattern).length).toBeLessThan(4096);
  });
});

const MEDIA_ID = '01J9Z8Q6T3V4W5X6Y7Z8A9B0M1';
const media = {
  _et: 'media',
  pk: 'T#acme',
  sk: `MEDIA#${MEDIA_ID}`,
  tenantId: 'acme',
  mediaId: MEDIA_ID,
  todoId: TODO_ID,
  contentType: 'image/png',
  kind: 'image',
  declaredSize: 2048,
  status: 'pending',
  originalKey: `tenants/acme/media/${MEDIA_ID}/original`,
  renditions: [],
  createdBy: 'user-1',
  createdAt: '2030-01-01T10:00:00.000Z',
  updatedAt: '2030-01-01T10:00:00.000Z',
  version: 1,
};

describe('media records', () => {
  const names = (events: { detailType: string }[]) => events.map((event) => event.detailType);

  it('pending → ready in one write means MediaUploaded and MediaProcessed, with distinct stable ids', () => {
    const ready = { ...media, status: 'ready', size: 1999, version: 2 };
    const events = domainEventsFromStreamRecord(record('MODIFY', { oldItem: media, newItem: ready }));
    expect(names(events)).toEqual(['MediaUploaded', 'MediaProcessed']);
    expect(events[0]?.detail).toMatchObject({
      mediaId: MEDIA_ID,
      uploadedBy: 'user-1',
      todoId: TODO_ID,
      sizeBytes: 1999,
    });
    expect(events[1]?.detail).toMatchObject({ status: 'ready', failureReason: null });
    expect(events[0]?.detail.eventId).not.toBe(events[1]?.detail.eventId);
    const again = domainEventsFromStreamRecord(record('MODIFY', { oldItem: media, newItem: ready }));
    expect(again.map((event) => event.detail.eventId)).toEqual(events.map((event) => event.detail.eventId));
  });

  it('a video: pending → processing is MediaUploaded only; processing → failed is MediaProcessed with the reason', () => {
    const processing = {
      ...media,
      contentType: 'video/mp4',
      kind: 'video',
      status: 'processing',
      version: 2,
    };
    expect(
      names(domainEventsFromStreamRecord(record('MODIFY', { oldItem: media, newItem: processing }))),
    ).toEqual(['MediaUploaded']);
    const failed = { ...processing, status: 'failed', failureReason: 'not a video', version: 3 };
    const [event, ...rest] = domainEventsFromStreamRecord(
      record('MODIFY', { oldItem: processing, newItem: failed }),
    );
    expect(rest).toEqual([]);
    expect(event?.detail).toMatchObject({ status: 'failed', failureReason: 'not a video' });
  });

  it('creating, re-writing a finished item and deleting mean nothing', () => {
    const ready = { ...media, status: 'ready', version: 2 };
    expect(domainEventsFromStreamRecord(record('INSERT', { newItem: media }))).toEqual([]);
    expect(
      domainEventsFromStreamRecord(record('MODIFY', { oldItem: ready, newItem: { ...ready, version: 3 } })),
    ).toEqual([]);
    expect(domainEventsFromStreamRecord(record('REMOVE', { oldItem: ready }))).toEqual([]);
  });
});
