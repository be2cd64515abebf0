import type { IncomingMessage, ServerResponse } from 'node:http';
import { LambdaClient } from '@aws-sdk/client-lambda';
import {
  CancelMessageMoveTaskCommand,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEndpoint, createAwsEndpoint } from '../../../sandbox/src/endpoint/index.ts';
import { type FauxqsEngine, startFauxqsEngine } from '../../../sandbox/src/engines/index.ts';
import { createSqsFront, type SqsFront } from '../../../sandbox/src/messaging/sqs-front.ts';
import { DeadLetterOperations } from '../src/queues/dead-letter-operations.ts';
import { type DeadLetterQueueEntry, DeadLetterQueueList } from '../src/queues/dead-letter-queue-list.ts';
import { domainEvent, lambdaFailureRecord, silentLogger } from './support/queues.ts';

/**
 * The subgraph's domain against fauxqs behind the sandbox's AWS endpoint, with the sandbox's
 * message move tasks (fauxqs has none) and a recording stand-in for the Lambda Invoke API.
 * Poison messages reach the DLQ the real way: received until maxReceiveCount.
 */
const region = 'eu-west-1';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:000000000000:function:analytics';

let fauxqs: FauxqsEngine;
let front: SqsFront;
let endpoint: AwsEndpoint;
let sqs: SQSClient;
let operations: DeadLetterOperations;
const invoked: { path: string; invocationType: string | undefined; payload: { id: string } }[] = [];

async function recordInvoke(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  invoked.push({
    path: decodeURIComponent(req.url ?? ''),
    invocationType: req.headers['x-amz-invocation-type'] as string | undefined,
    payload: JSON.parse(Buffer.concat(chunks).toString('utf8')),
  });
  res.writeHead(202).end();
}

async function queue(name: string, attributes: Record<string, string> = {}) {
  const { QueueUrl = '' } = await sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
  );
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { url: QueueUrl, arn: Attributes.QueueArn ?? '' };
}

async function depth(url: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages);
}

let source: { url: string; arn: string };
let notificationsDlq: { url: string; arn: string };
let analyticsDlq: { url: string; arn: string };

beforeAll(async () => {
  fauxqs = await startFauxqsEngine();
  front = createSqsFront({
    engine: fauxqs.endpoint,
    sqs: new SQSClient({ endpoint: fauxqs.endpoint, region, credentials }),
  });
  endpoint = await createAwsEndpoint({
    port: 0,
    routes: { sqs: { handle: front.handle }, lambda: { handle: recordInvoke } },
  });
  const client = { endpoint: endpoint.url, region, credentials };
  sqs = new SQSClient(client);

  notificationsDlq = await queue('notifications-dlq');
  source = await queue('notifications-queue', {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: notificationsDlq.arn, maxReceiveCount: 2 }),
  });
  analyticsDlq = await queue('analytics-dlq');
  const entries: DeadLetterQueueEntry[] = [
    {
      name: 'notifications',
      feeds: 'notifications that failed twice',
      kind: 'sqs-queue',
      queueUrl: notificationsDlq.url,
      queueArn: notificationsDlq.arn,
      sourceArn: source.arn,
    },
    {
      name: 'analytics',
      feeds: 'events analytics could not count',
      kind: 'lambda-async',
      queueUrl: analyticsDlq.url,
      queueArn: analyticsDlq.arn,
      functionArns: [FUNCTION_ARN],
    },
  ];
  operations = new DeadLetterOperations({
    queues: new DeadLetterQueueList(entries),
    sqs,
    lambda: new LambdaClient(client),
    logger: silentLogger(),
  });

  // Three poison messages: received (and never deleted) until SQS dead-letters them.
  for (const text of ['p1', 'p2', 'p3']) {
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: text }));
  }
  for (let round = 0; round < 4; round++) {
    await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
    );
  }
  // And an event EventBridge could not deliver to the queue, straight into the DLQ.
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: notificationsDlq.url,
      MessageBody: JSON.stringify(domainEvent('e-rule')),
      MessageAttributes: {
        ERROR_CODE: { DataType: 'String', StringValue: 'SQSError' },
        ERROR_MESSAGE: { DataType: 'String', StringValue: 'Access denied' },
        RETRY_ATTEMPTS: { DataType: 'String', StringValue: '8' },
      },
    }),
  );
  for (const id of ['e-1', 'e-2']) {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: analyticsDlq.url,
        MessageBody: lambdaFailureRecord(domainEvent(id), FUNCTION_ARN),
      }),
    );
  }
}, 30_000);

afterAll(async () => {
  await front?.close();
  await endpoint?.close();
  await fauxqs?.stop();
});

describe('dead letters on fauxqs', () => {
  it('lists depth and age, and peeks without consuming', async () => {
    expect(await depth(source.url)).toBe(0);
    const [notifications, analytics] = await operations.list();
    expect(notifications).toMatchObject({ approximateDepth: 4, lastMoveTask: null });
    expect(notifications?.oldestMessageAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(analytics).toMatchObject({ approximateDepth: 2 });

    const peeked = await operations.peek('notifications', 10);
    expect(peeked.map((message) => message.body).sort()).toEqual([
      'p1',
      'p2',
      'p3',
      JSON.stringify(domainEvent('e-rule')),
    ]);
    const fromRule = peeked.find((message) => message.body.includes('e-rule'));
    expect(fromRule?.failure).toEqual({ code: 'SQSError', message: 'Access denied', attempts: 9 });
    // Released at once: visible again, nothing consumed.
    expect(await depth(notificationsDlq.url)).toBe(4);
  });

  it('moves the queue-fed DLQ back to its source with a message move task', async () => {
    const outcome = await operations.redrive('notifications');
    expect(outcome.mode).toBe('MOVE_TO_SOURCE');
    expect(outcome.moveTask).toMatchObject({
      destinationArn: source.arn,
      approximateNumberOfMessagesToMove: 4,
    });
    let status = outcome.moveTask?.status;
    for (let attempt = 0; attempt < 50 && status === 'RUNNING'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await operations.list())[0]?.lastMoveTask?.status;
    }
    expect(status).toBe('COMPLETED');
    expect((await operations.list())[0]?.lastMoveTask?.approximateNumberOfMessagesMoved).toBe(4);
    expect(await depth(notificationsDlq.url)).toBe(0);
    expect(await depth(source.url)).toBe(4);
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: source.url,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
      }),
    );
    const moved = Messages.find((message) => message.Body?.includes('e-rule'));
    expect(moved?.MessageAttributes?.ERROR_CODE?.StringValue).toBe('SQSError');
  });

  it('re-invokes the function with each original event and empties the DLQ', async () => {
    const outcome = await operations.redrive('analytics');
    expect(outcome).toMatchObject({ mode: 'REINVOKE_FUNCTION', reinvoked: 2, skipped: 0 });
    expect(invoked.map((call) => [call.invocationType, call.payload.id]).sort()).toEqual([
      ['Event', 'e-1'],
      ['Event', 'e-2'],
    ]);
    expect(invoked[0]?.path).toContain(FUNCTION_ARN);
    expect(await depth(analyticsDlq.url)).toBe(0);
  });

  it('answers move-task calls the sandbox cannot honour as SQS does', async () => {
    await expect(
      sqs.send(new StartMessageMoveTaskCommand({ SourceArn: analyticsDlq.arn })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: expect.stringContaining('not a dead-letter queue'),
    });
    await expect(
      sqs.send(new ListMessageMoveTasksCommand({ SourceArn: 'arn:aws:sqs:eu-west-1:000000000000:missing' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('paces, refuses a second task and cancels a running one', async () => {
    const dlq = await queue('paced-dlq');
    const origin = await queue('paced-queue', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }),
    });
    for (const text of ['a', 'b', 'c']) {
      await sqs.send(new SendMessageCommand({ QueueUrl: dlq.url, MessageBody: text }));
    }
    const { TaskHandle } = await sqs.send(
      new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, MaxNumberOfMessagesPerSecond: 1 }),
    );
    await expect(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn }))).rejects.toMatchObject({
      name: 'UnsupportedOperation',
    });
    const { Results = [] } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }));
    expect(Results[0]).toMatchObject({
      TaskHandle,
      Status: 'RUNNING',
      DestinationArn: origin.arn,
      ApproximateNumberOfMessagesToMove: 3,
    });
    const { ApproximateNumberOfMessagesMoved } = await sqs.send(
      new CancelMessageMoveTaskCommand({ TaskHandle }),
    );
    expect(ApproximateNumberOfMessagesMoved).toBe(1);
    const after = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }));
    expect(after.Results?.[0]).toMatchObject({ Status: 'CANCELLED', ApproximateNumberOfMessagesMoved: 1 });
    expect(after.Results?.[0]?.TaskHandle).toBeUndefined();
    expect([await depth(dlq.url), await depth(origin.url)]).toEqual([2, 1]);
  });
});
