/**
 * The media and events part of the sandbox journey (issue 4), run inside the journey of
 * `sandbox-journey.int.test.ts` so that both share one start-up: a todo and an image upload with the
 * presigned POST → thumbnail → domain events on the bus → analytics counters → e-mails in the inbox;
 * uploads outside the policy are refused as S3 refuses them.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { expect, it } from 'vitest';
import { SesInbox } from '../../src/engines/ses-inbox.ts';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox.ts';
import { imageSize, pngImage } from './png-image.ts';

// biome-ignore lint/suspicious/noExplicitAny: the journey reads nested response fields it has just asserted on
type GraphqlBody = { data?: Record<string, any>; errors?: unknown[] };

export interface JourneyContext {
  readonly sandbox: () => Sandbox;
  readonly idToken: () => string;
  readonly email: string;
  readonly graphql: (
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<{ status: number; body: GraphqlBody }>;
}

/** Polls `read` until `done` holds for its value; fails with the last value after `timeoutMs`. */
async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up after ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Ticket {
  mediaId: string;
  url: string;
  fields: { name: string; value: string }[];
}

/** The presigned POST as a browser sends it: every policy field, then the file last. */
function postUpload(ticket: Ticket, file: Buffer, overrides: Record<string, string> = {}) {
  const form = new FormData();
  for (const { name, value } of ticket.fields) form.append(name, overrides[name] ?? value);
  form.append('file', new Blob([new Uint8Array(file)]), 'picture.png');
  return fetch(ticket.url, { method: 'POST', body: form });
}

export function mediaAndEventsJourney(context: JourneyContext): void {
  const { graphql } = context;
  const tenantId = () =>
    (
      JSON.parse(Buffer.from(context.idToken().split('.')[1] ?? '', 'base64url').toString()) as Record<
        string,
        string
      >
    )['custom:tenant_id'] ?? '';
  const createUpload = async (todoId: string, contentType: string, size: number) => {
    const { body } = await graphql(
      context.idToken(),
      `mutation ($todoId: ID!, $contentType: String!, $size: Int!) {
        createUpload(todoId: $todoId, contentType: $contentType, size: $size) { mediaId url fields { name value } }
      }`,
      { todoId, contentType, size },
    );
    expect(body.errors).toBeUndefined();
    return body.data?.createUpload as Ticket;
  };
  const totals = async () => {
    const sandbox = context.sandbox();
    const table = sandbox.inventory.tables[0]?.tableName;
    const dynamodb = new DynamoDBClient({
      endpoint: sandbox.endpoints.awsEndpoint,
      region: sandbox.endpoints.region,
      credentials: SANDBOX_CREDENTIALS,
    });
    const { Item } = await dynamodb.send(
      new GetItemCommand({
        TableName: table,
        Key: { pk: { S: `T#${tenantId()}` }, sk: { S: 'STATS#TOTAL' } },
      }),
    );
    const count = (name: string) => Number(Item?.[name]?.N ?? 0);
    return { todosCreated: count('todosCreated'), mediaProcessed: count('mediaProcessed') };
  };
  let todoId = '';

  it('uploads an image with the presigned POST and serves its thumbnail once ready', async () => {
    const before = await totals();
    const created = await graphql(
      context.idToken(),
      'mutation ($input: CreateTodoInput!) { createTodo(input: $input) { id } }',
      { input: { title: 'Attach a picture' } },
    );
    todoId = created.body.data?.createTodo.id as string;
    const png = pngImage(640, 480);
    const ticket = await createUpload(todoId, 'image/png', png.length);
    const uploaded = await postUpload(ticket, png);
    expect(uploaded.status, await uploaded.clone().text()).toBeLessThan(300);

    const media = await eventually(
      async () =>
        (
          await graphql(
            context.idToken(),
            'query ($id: ID!) { media(id: $id) { status failureReason thumbnailUrl renditions { name width height url } } }',
            { id: ticket.mediaId },
          )
        ).body.data?.media,
      (item) => item?.status === 'READY' || item?.status === 'FAILED',
    );
    expect(media).toMatchObject({ status: 'READY', failureReason: null });
    expect(media.renditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'thumb-256', width: 256, height: 192 })]),
    );
    const thumbnail = await fetch(media.thumbnailUrl);
    expect(thumbnail.status).toBe(200);
    const size = imageSize(Buffer.from(await thumbnail.arrayBuffer()));
    expect(['png', 'jpeg', 'webp']).toContain(size.format);
    expect([size.width, size.height]).toEqual([256, 192]);

    // The table stream → pipe → bus carried the domain events, and analytics counted them once.
    const bus = context.sandbox().bus;
    const seen = await eventually(
      () => bus?.recentEvents().map((event) => event.envelope) ?? [],
      (envelopes) =>
        envelopes.some(
          (e) => e['detail-type'] === 'MediaProcessed' && JSON.stringify(e.detail).includes(ticket.mediaId),
        ) &&
        envelopes.some(
          (e) => e['detail-type'] === 'TodoCreated' && JSON.stringify(e.detail).includes(todoId),
        ),
    );
    expect(seen.length).toBeGreaterThan(1);
    const after = await eventually(totals, (t) => t.mediaProcessed > before.mediaProcessed);
    expect(after.todosCreated).toBe(before.todosCreated + 1);
    expect(after.mediaProcessed).toBe(before.mediaProcessed + 1);
  }, 60_000);

  it('sends the welcome and the media-ready e-mails through SES', async (test) => {
    // On failure, the notifications function's log and the inbox say why.
    test.onTestFailed(async () => {
      const lines = context
        .sandbox()
        .logs.query({ limit: 200 })
        .filter((record) => record.functionName.includes('Notifications'))
        .map((record) => record.message.slice(0, 600));
      console.error(`notifications log:\n${lines.join('\n')}`);
      const inbox = await fetch(`${(context.sandbox().endpoints.inboxUrl ?? '').replace(/\/$/, '')}/store`);
      console.error(`inbox: ${(await inbox.text()).slice(0, 2000)}`);
    });
    const inboxUrl = context.sandbox().endpoints.inboxUrl ?? '';
    const inbox = new SesInbox(inboxUrl.replace(/\/$/, ''));
    const to = (email: { destination: { to: string[] } }) => email.destination.to.includes(context.email);
    const welcome = await inbox.waitForEmail((email) => to(email) && /welcome/i.test(email.subject), {
      timeoutMs: 15_000,
    });
    expect(welcome.from).toMatch(/no-reply@local\.stratum\.example\.com/);
    const ready = await inbox.waitForEmail((email) => to(email) && /ready/i.test(email.subject), {
      timeoutMs: 15_000,
    });
    expect(ready.body.html ?? ready.body.text).toContain('http://localhost:5173');
  }, 40_000);

  it('refuses uploads outside the presigned policy, as S3 does', async () => {
    const png = pngImage(32, 32);
    const ticket = await createUpload(todoId, 'image/png', png.length);
    const wrongType = await postUpload(ticket, png, { 'Content-Type': 'text/html' });
    expect(wrongType.status).toBe(403);
    expect(await wrongType.text()).toContain('<Code>AccessDenied</Code>');
    // Beyond the content-length-range (20 MiB for images), S3 answers 400 EntityTooLarge.
    const tooLarge = await postUpload(ticket, Buffer.alloc(20 * 1024 * 1024 + 1, 1));
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain('<Code>EntityTooLarge</Code>');
  }, 30_000);
}
