import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { startFauxqsEngine } from '../../src/engines/index.ts';
import { expectEngineContract } from './engine-contract.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'stratum-fauxqs-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const config = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  forcePathStyle: true,
});

describe('startFauxqsEngine', () => {
  it('keeps the engine contract', async () => {
    await expectEngineContract(startFauxqsEngine, 'fauxqs');
  });

  it('keeps queues, messages, buckets and objects across a restart on the same dataDir', async () => {
    const first = await startFauxqsEngine({ dataDir });
    expect(first.persistent).toBe(true);
    const sqs = new SQSClient(config(first.endpoint));
    const s3 = new S3Client(config(first.endpoint));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'kept' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'survives' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'kept' }));
    await s3.send(new PutObjectCommand({ Bucket: 'kept', Key: 'a.txt', Body: 'on disk' }));
    await first.stop();

    const second = await startFauxqsEngine({ dataDir });
    try {
      const sqsAgain = new SQSClient(config(second.endpoint));
      const { Messages } = await sqsAgain.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
      expect(Messages?.map((message) => message.Body)).toEqual(['survives']);
      const object = await new S3Client(config(second.endpoint)).send(
        new GetObjectCommand({ Bucket: 'kept', Key: 'a.txt' }),
      );
      expect(await object.Body?.transformToString()).toBe('on disk');
    } finally {
      await second.stop();
    }
  });

  it('forgets everything without a dataDir', async () => {
    const first = await startFauxqsEngine();
    expect(first.persistent).toBe(false);
    await new SQSClient(config(first.endpoint)).send(new CreateQueueCommand({ QueueName: 'gone' }));
    await first.stop();
    const second = await startFauxqsEngine();
    try {
      const queues = (await (await fetch(`${second.endpoint}/_fauxqs/queues`)).json()) as unknown[];
      expect(queues).toEqual([]);
    } finally {
      await second.stop();
    }
  });
});
