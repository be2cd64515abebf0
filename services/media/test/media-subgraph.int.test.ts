import {
  DeleteObjectsCommand,
  type DeleteObjectsCommandInput,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { createDataStore, createMediaStore, type DataStore, type MediaRepository } from '@stratum/data';
import {
  createLocalClient,
  createTable,
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { createObservability } from '@stratum/runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMediaHandler } from '../src/media-handler.ts';
import { createS3MediaStorage } from '../src/storage/media-storage.ts';

const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const s3Mock = mockClient(s3);
const { logger } = createObservability('media-test');
logger.setLogLevel('SILENT');

let ddb: DynamoDbLocal;
let data: DataStore;
let media: MediaRepository;
let run: (
  query: string,
  variables?: Record<string, unknown>,
  principal?: object,
) => Promise<{
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}>;

const ada = { principalType: 'customer', userId: 'user-a1', tenantId: 'tenant-a', role: 'owner', groups: [] };
const bea = { principalType: 'customer', userId: 'user-b1', tenantId: 'tenant-b', role: 'owner', groups: [] };
const scopeA = { tenantId: 'tenant-a', userId: 'user-a1' };

const CREATE_UPLOAD = `mutation ($todoId: ID!, $contentType: String!, $size: Int!) {
  createUpload(todoId: $todoId, contentType: $contentType, size: $size) {
    mediaId url expiresAt fields { name value } media { id todoId status size contentType originalUrl }
  }
}`;
const MEDIA = `query ($id: ID!) {
  media(id: $id) { id status failureReason originalUrl thumbnailUrl renditions { name url width height } }
}`;

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  await createTable(ddb.endpoint, 'stratum');
  const client = createLocalClient(ddb.endpoint);
  data = createDataStore({ tableName: 'stratum', client });
  media = createMediaStore({ tableName: 'stratum', client });
  const storage = createS3MediaStorage({ s3, bucket: 'media-bucket' });
  const handler = createMediaHandler({ media: () => media, storage, logger });
  run = (query, variables, principal = ada) =>
    handler({ query, variables, principal, correlationId: 'c1' }) as ReturnType<typeof run>;
});

afterAll(async () => {
  await ddb?.stop();
});

beforeEach(() => {
  s3Mock.reset();
});

async function todoOfA(): Promise<string> {
  return (await data.todos.create(scopeA, { title: 'with media' })).todoId;
}

async function uploadOfA(contentType = 'image/png') {
  const todoId = await todoOfA();
  const item = await media.create(scopeA, { todoId, contentType, size: 100 });
  return { todoId, item };
}

describe('createUpload', () => {
  it('creates a pending item and returns a ticket for its key under the tenant prefix', async () => {
    const todoId = await todoOfA();
    const result = await run(CREATE_UPLOAD, { todoId, contentType: 'image/jpeg', size: 5000 });
    expect(result.errors).toBeUndefined();
    const ticket = result.data?.createUpload as {
      mediaId: string;
      url: string;
      fields: { name: string; value: string }[];
      media: Record<string, unknown>;
    };
    expect(ticket.url).toBe('https://media-bucket.s3.eu-west-1.amazonaws.com/');
    const fields = Object.fromEntries(ticket.fields.map((f) => [f.name, f.value]));
    expect(fields.key).toBe(`tenants/tenant-a/media/${ticket.mediaId}/original`);
    expect(fields['Content-Type']).toBe('image/jpeg');
    expect(ticket.media).toEqual({
      id: ticket.mediaId,
      todoId,
      status: 'PENDING',
      size: 5000,
      contentType: 'image/jpeg',
      originalUrl: null,
    });
    expect((await media.get(scopeA, ticket.mediaId)).status).toBe('pending');
  });

  it('names the argument at fault: content type, size, todo id', async () => {
    const todoId = await todoOfA();
    const cases = [
      [{ todoId, contentType: 'text/html', size: 10 }, 'contentType'],
      [{ todoId, contentType: 'image/png', size: 0 }, 'size'],
      [{ todoId, contentType: 'image/png', size: 30 * 1024 * 1024 }, 'size'],
      [{ todoId: 'not-a-ulid', contentType: 'image/png', size: 10 }, 'todoId'],
    ] as const;
    for (const [variables, field] of cases) {
      const result = await run(CREATE_UPLOAD, variables);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    expect(await media.listByTodo(scopeA, todoId)).toEqual([]);
  });

  it('refuses a todo that does not exist (NOT_FOUND)', async () => {
    const result = await run(CREATE_UPLOAD, {
      todoId: '01JZ0000000000000000000009',
      contentType: 'image/png',
      size: 10,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('tenant isolation', () => {
  it('a user of tenant B cannot create an upload on a todo of tenant A', async () => {
    const todoId = await todoOfA();
    const result = await run(CREATE_UPLOAD, { todoId, contentType: 'image/png', size: 10 }, bea);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data).toBeNull();
    expect(await media.listByTodo(scopeA, todoId)).toEqual([]);
  });

  it("a user of tenant B cannot read tenant A's media, by id, by entity or through the todo", async () => {
    const { todoId, item } = await uploadOfA();
    const byId = await run(MEDIA, { id: item.mediaId }, bea);
    expect(byId.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(byId.data).toEqual({ media: null });

    const entities = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Media { id } ... on Todo { id media { id } } }
    }`;
    const asB = await run(
      entities,
      {
        representations: [
          { __typename: 'Todo', id: todoId },
          { __typename: 'Media', id: item.mediaId },
        ],
      },
      bea,
    );
    expect(asB.data).toEqual({ _entities: [{ id: todoId, media: [] }, null] });
    expect(asB.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const asA = await run(entities, { representations: [{ __typename: 'Todo', id: todoId }] });
    expect(asA.data).toEqual({ _entities: [{ id: todoId, media: [{ id: item.mediaId }] }] });
  });

  it("a user of tenant B cannot delete tenant A's media, and no object is touched", async () => {
    const { item } = await uploadOfA();
    const result = await run('mutation ($id: ID!) { deleteMedia(id: $id) }', { id: item.mediaId }, bea);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(s3Mock.calls()).toHaveLength(0);
    expect(await media.get(scopeA, item.mediaId)).toEqual(item);
  });

  it('refuses staff (FORBIDDEN) and customers without a tenant (UNAUTHENTICATED)', async () => {
    const todoId = await todoOfA();
    const staff = { principalType: 'staff', userId: 'staff-1', groups: [] };
    const noTenant = { principalType: 'customer', userId: 'user-x', groups: [] };
    const variables = { todoId, contentType: 'image/png', size: 10 };
    expect((await run(CREATE_UPLOAD, variables, staff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await run(CREATE_UPLOAD, variables, noTenant)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('reading media', () => {
  it('serves no URL before the media is READY, and renditions are empty', async () => {
    const { item } = await uploadOfA();
    await media.update(scopeA, item.mediaId, 1, { status: 'failed', failureReason: 'content is text/html' });
    const result = await run(MEDIA, { id: item.mediaId });
    expect(result.data).toEqual({
      media: {
        id: item.mediaId,
        status: 'FAILED',
        failureReason: 'content is text/html',
        originalUrl: null,
        thumbnailUrl: null,
        renditions: [],
      },
    });
  });

  it('signs GET URLs of the original, the thumbnail and every rendition once READY', async () => {
    const { item } = await uploadOfA();
    const key = (name: string) => `tenants/tenant-a/media/${item.mediaId}/renditions/${name}.webp`;
    await media.update(scopeA, item.mediaId, 1, {
      status: 'ready',
      renditions: [
        { name: 'thumb-1024', key: key('thumb-1024'), contentType: 'image/webp', width: 1024, height: 512 },
        { name: 'thumb-256', key: key('thumb-256'), contentType: 'image/webp', width: 256, height: 128 },
      ],
    });
    const result = await run(MEDIA, { id: item.mediaId });
    const read = result.data?.media as {
      originalUrl: string;
      thumbnailUrl: string;
      renditions: { name: string; url: string; width: number }[];
    };
    const path = (url: string) => new URL(url).pathname;
    expect(path(read.originalUrl)).toBe(`/tenants/tenant-a/media/${item.mediaId}/original`);
    expect(new URL(read.originalUrl).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(path(read.thumbnailUrl)).toBe(`/${key('thumb-256')}`);
    expect(read.renditions.map((r) => [r.name, path(r.url), r.width])).toEqual([
      ['thumb-1024', `/${key('thumb-1024')}`, 1024],
      ['thumb-256', `/${key('thumb-256')}`, 256],
    ]);
  });
});

describe('deleteMedia', () => {
  it('deletes every object under the media prefix, then the item', async () => {
    const { item } = await uploadOfA();
    const prefix = `tenants/tenant-a/media/${item.mediaId}/`;
    s3Mock
      .on(ListObjectsV2Command)
      .resolves({ Contents: [{ Key: `${prefix}original` }, { Key: `${prefix}renditions/thumb-256.webp` }] });
    s3Mock.on(DeleteObjectsCommand).resolves({});
    const result = await run('mutation ($id: ID!) { deleteMedia(id: $id) }', { id: item.mediaId });
    expect(result).toEqual({ data: { deleteMedia: item.mediaId } });
    expect(s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input).toMatchObject({
      Bucket: 'media-bucket',
      Prefix: prefix,
    });
    const deleted = s3Mock.commandCalls(DeleteObjectsCommand)[0]?.args[0].input as DeleteObjectsCommandInput;
    expect(deleted.Delete?.Objects).toEqual([
      { Key: `${prefix}original` },
      { Key: `${prefix}renditions/thumb-256.webp` },
    ]);
    const again = await run(MEDIA, { id: item.mediaId });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the item when an object cannot be deleted, so a retry can finish', async () => {
    const { item } = await uploadOfA();
    const key = `tenants/tenant-a/media/${item.mediaId}/original`;
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: key }] });
    s3Mock.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: key, Code: 'InternalError' }] });
    const result = await run('mutation ($id: ID!) { deleteMedia(id: $id) }', { id: item.mediaId });
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL');
    expect(await media.get(scopeA, item.mediaId)).toEqual(item);
  });
});
