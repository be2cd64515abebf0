import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../src/events/bus/index.ts';
import { parseCorsConfiguration } from '../../src/s3/cors-rules.ts';
import { fromCloudFormation } from '../../src/s3/notification-configuration.ts';
import type { S3Event } from '../../src/s3/s3-event.ts';
import { ACCOUNT, REGION, type S3Sandbox, startS3Sandbox } from './s3-sandbox.ts';

const BUCKET = 'web-media';
const APP = 'http://localhost:5173';
const invocations: { arn: string; event: S3Event }[] = [];
const busEvents: EventEnvelope[] = [];
let failuresLeft = 0;
let sandbox: S3Sandbox;
let sqs: SQSClient;
const processorArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:media-processor`;
const queueArn = `arn:aws:sqs:${REGION}:${ACCOUNT}:media-deletions`;

beforeAll(async () => {
  sandbox = await startS3Sandbox({
    destinations: {
      async invokeFunction(arn, event) {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('Rate Exceeded.');
        }
        invocations.push({ arn, event });
      },
      async putEvents(event) {
        busEvents.push(event);
      },
    },
  });
  sqs = new SQSClient({
    endpoint: sandbox.engineUrl,
    region: REGION,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  await sqs.send(new CreateQueueCommand({ QueueName: 'media-deletions' }));
  await sandbox.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  sandbox.buckets.configure(BUCKET, {
    cors: parseCorsConfiguration(
      {
        CorsRules: [
          {
            AllowedMethods: ['GET', 'PUT', 'POST'],
            AllowedOrigins: [APP],
            AllowedHeaders: ['*'],
            ExposedHeaders: ['ETag'],
            MaxAge: 3000,
          },
          { AllowedMethods: ['GET'], AllowedOrigins: ['*'] },
        ],
      },
      'Media',
    ),
  });
  sandbox.front.setNotifications(
    BUCKET,
    fromCloudFormation(
      {
        LambdaConfigurations: [
          {
            Event: 's3:ObjectCreated:*',
            Function: processorArn,
            Filter: {
              S3Key: {
                Rules: [
                  { Name: 'prefix', Value: 'uploads/' },
                  { Name: 'suffix', Value: '.jpg' },
                ],
              },
            },
          },
        ],
        QueueConfigurations: [{ Event: 's3:ObjectRemoved:*', Queue: queueArn }],
        EventBridgeConfiguration: { EventBridgeEnabled: true },
      },
      'Media',
    ),
  );
});
afterAll(async () => {
  sqs.destroy();
  await sandbox.close();
});

function preflight(path: string, headers: Record<string, string>) {
  return fetch(`${sandbox.frontUrl}/${BUCKET}/${path}`, { method: 'OPTIONS', headers });
}

async function receiveAll(): Promise<unknown[]> {
  const { QueueUrl } = { QueueUrl: `${sandbox.engineUrl}/${ACCOUNT}/media-deletions` };
  const answer = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
  );
  return (answer.Messages ?? []).map((message) => JSON.parse(message.Body ?? '{}'));
}

describe('CORS from the bucket CorsConfiguration', () => {
  it('answers an allowed preflight with the rule, echoing the requested headers', async () => {
    const answer = await preflight('uploads/a.jpg', {
      origin: APP,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'Content-Type, X-Amz-Date',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET, PUT, POST');
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type, x-amz-date');
    expect(answer.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(answer.headers.get('access-control-max-age')).toBe('3000');
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('refuses a preflight no rule allows with 403 AccessForbidden, and one without Origin with 400', async () => {
    const refused = await preflight('a.jpg', {
      origin: 'http://evil.example',
      'access-control-request-method': 'PUT',
    });
    expect(refused.status).toBe(403);
    const body = await refused.text();
    expect(body).toContain('<Code>AccessForbidden</Code>');
    expect(body).toContain('CORSResponse: This CORS request is not allowed.');
    expect(body).toContain('<Method>PUT</Method><ResourceType>OBJECT</ResourceType>');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const noOrigin = await preflight('a.jpg', { 'access-control-request-method': 'GET' });
    expect(noOrigin.status).toBe(400);
  });

  it('refuses preflights on a bucket without CORS', async () => {
    await sandbox.s3.send(new CreateBucketCommand({ Bucket: 'no-cors' }));
    const answer = await fetch(`${sandbox.frontUrl}/no-cors/x`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'GET' },
    });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('CORSResponse: CORS is not enabled for this bucket.');
  });

  it('adds Access-Control headers to actual responses that a rule allows, and only those', async () => {
    await sandbox.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/logo.svg', Body: '<svg/>' }));
    const fromApp = await fetch(`${sandbox.frontUrl}/${BUCKET}/public/logo.svg`, {
      headers: { origin: APP },
    });
    expect(fromApp.status).toBe(200);
    expect(await fromApp.text()).toBe('<svg/>');
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP);
    expect(fromApp.headers.get('vary')).toBe(
      'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    );
    const fromAnywhere = await fetch(`${sandbox.frontUrl}/${BUCKET}/public/logo.svg`, {
      headers: { origin: 'http://x.example' },
    });
    expect(fromAnywhere.headers.get('access-control-allow-origin')).toBe('*');
    expect(fromAnywhere.headers.get('access-control-allow-credentials')).toBeNull();
    const deleteFromElsewhere = await fetch(`${sandbox.frontUrl}/${BUCKET}/public/none`, {
      method: 'DELETE',
      headers: { origin: 'http://x.example' },
    });
    expect(deleteFromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('event notifications', () => {
  it('invokes the function for created objects its prefix and suffix select, with S3 event records', async () => {
    invocations.length = 0;
    await sandbox.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'uploads/my photo.jpg', Body: 'jpeg!' }),
    );
    await sandbox.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'uploads/notes.txt', Body: 'skip' }));
    await sandbox.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'other/x.jpg', Body: 'skip' }));
    await sandbox.front.drain();
    expect(invocations).toHaveLength(1);
    const [record] = invocations[0]?.event.Records ?? [];
    expect(invocations[0]?.arn).toBe(processorArn);
    expect(record).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: REGION,
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:ASIASANDBOXKEY' },
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
        object: { key: 'uploads/my+photo.jpg', size: 5, eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
      },
    });
    expect((record?.s3 as { object: { sequencer: string } } | undefined)?.object.sequencer).toMatch(
      /^[0-9A-F]{18}$/,
    );
  });

  it('names copies, multipart completions and POST uploads as S3 does', async () => {
    invocations.length = 0;
    await sandbox.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'uploads/copy.jpg',
        CopySource: `${BUCKET}/uploads/my photo.jpg`,
      }),
    );
    const { UploadId } = await sandbox.s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'uploads/multi.jpg' }),
    );
    const part = await sandbox.s3.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: 'uploads/multi.jpg',
        UploadId,
        PartNumber: 1,
        Body: 'part',
      }),
    );
    await sandbox.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'uploads/multi.jpg',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    const post = await createPresignedPost(sandbox.s3, { Bucket: BUCKET, Key: 'uploads/posted.jpg' });
    const form = new FormData();
    for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
    form.append('file', new Blob(['posted']), 'posted.jpg');
    const posted = await fetch(post.url, { method: 'POST', body: form, headers: { origin: APP } });
    expect(posted.status).toBe(204);
    expect(posted.headers.get('access-control-allow-origin')).toBe(APP);
    await sandbox.front.drain();
    expect(invocations.map(({ event }) => event.Records[0]?.eventName)).toEqual([
      'ObjectCreated:Copy',
      'ObjectCreated:CompleteMultipartUpload',
      'ObjectCreated:Post',
    ]);
    expect(invocations[1]?.event.Records[0]).toMatchObject({
      s3: { object: { key: 'uploads/multi.jpg', size: 4 } },
    });
  });

  it('retries a failed invocation and reports the delivery', async () => {
    invocations.length = 0;
    failuresLeft = 2;
    await sandbox.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'uploads/retry.jpg', Body: 'r' }));
    await sandbox.front.drain();
    expect(invocations).toHaveLength(1);
    expect(sandbox.reports.at(-1)).toMatchObject({
      destinationArn: processorArn,
      outcome: 'delivered',
      attempts: 3,
    });
  });

  it('sends removals to the queue (after S3 test event) and every change to EventBridge', async () => {
    await sandbox.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'uploads/retry.jpg' }));
    await sandbox.s3.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Objects: [{ Key: 'uploads/copy.jpg' }, { Key: 'a&b.txt' }] },
      }),
    );
    await sandbox.front.drain();
    const messages = await receiveAll();
    expect(messages[0]).toMatchObject({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: BUCKET });
    const removed = messages.slice(1) as S3Event[];
    // S3 reports a DeleteObject even when the key did not exist (the CORS test's DELETE of public/none).
    expect(
      removed.map((event) => [
        event.Records[0]?.eventName,
        (event.Records[0]?.s3 as { object: { key: string } } | undefined)?.object.key,
      ]),
    ).toEqual([
      ['ObjectRemoved:Delete', 'public/none'],
      ['ObjectRemoved:Delete', 'uploads/retry.jpg'],
      ['ObjectRemoved:Delete', 'uploads/copy.jpg'],
      ['ObjectRemoved:Delete', 'a%26b.txt'],
    ]);
    const created = busEvents.find(
      (event) => (event.detail.object as { key: string }).key === 'uploads/my photo.jpg',
    );
    expect(created).toMatchObject({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      account: ACCOUNT,
      region: REGION,
      resources: [`arn:aws:s3:::${BUCKET}`],
      detail: { bucket: { name: BUCKET }, object: { key: 'uploads/my photo.jpg', size: 5 } },
    });
    expect(busEvents.find((event) => event['detail-type'] === 'Object Deleted')?.detail).toMatchObject({
      reason: 'DeleteObject',
      'deletion-type': 'Permanently Deleted',
    });
  });
});
