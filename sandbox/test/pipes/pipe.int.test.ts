import { CreateTableCommand, type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  createLocalClient,
  type DynamoDbLocal,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventBusEmulator } from '../../src/events/bus/index.ts';
import { PipesEmulator } from '../../src/pipes/index.ts';
import { eventually, FakeInvoker } from '../event-sources/fake-invoker.ts';

const region = 'eu-west-1';
const accountId = '123456789012';
const timing = {
  sqsWaitTimeSeconds: 1,
  streamPollIntervalMs: 100,
  retryDelayMs: 20,
  errorDelayMs: 50,
  maxBackoffMs: 200,
};
let ddb: DynamoDbLocal;
let fauxqs: FauxqsServer;
let dynamodb: DynamoDBClient;
let streams: DynamoDBStreamsClient;
let sqs: SQSClient;
let pipes: PipesEmulator | undefined;

beforeAll(async () => {
  [ddb, fauxqs] = await Promise.all([
    startDynamoDbLocal(),
    startFauxqs({ port: 0, host: '127.0.0.1', logger: false }),
  ]);
  dynamodb = createLocalClient(ddb.endpoint);
  streams = new DynamoDBStreamsClient({
    endpoint: ddb.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  sqs = new SQSClient({
    endpoint: `http://127.0.0.1:${fauxqs.port}`,
    region,
    credentials: LOCAL_CREDENTIALS,
  });
}, 60_000);
afterEach(async () => {
  await pipes?.stop();
  pipes = undefined;
});
afterAll(async () => {
  await Promise.all([ddb?.stop(), fauxqs?.stop()]);
});

describe('AWS::Pipes::Pipe', () => {
  it('DynamoDB stream → filter → input template → event bus, with dynamic DetailType', async () => {
    const { TableDescription } = await dynamodb.send(
      new CreateTableCommand({
        TableName: 'pipe-source',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const streamArn = TableDescription?.LatestStreamArn ?? '';
    const bus = new EventBusEmulator({ location: { account: accountId, region } });
    const created = bus.createEventBus({ Name: 'domain' });
    pipes = new PipesEmulator({
      invoker: new FakeInvoker(),
      streams,
      putEvents: (entries) => bus.putEvents(entries),
      timing,
    });
    pipes.create(
      {
        Source: streamArn,
        SourceParameters: {
          DynamoDBStreamParameters: { StartingPosition: 'LATEST', BatchSize: 10 },
          FilterCriteria: {
            Filters: [
              {
                Pattern: JSON.stringify({
                  eventName: ['INSERT'],
                  dynamodb: { NewImage: { type: { S: ['todo'] } } },
                }),
              },
            ],
          },
        },
        Target: created.arn,
        TargetParameters: {
          InputTemplate:
            '{"id": <$.dynamodb.Keys.pk.S>, "title": "<$.dynamodb.NewImage.title.S>", "pipe": <aws.pipes.pipe-name>}',
          EventBridgeEventBusParameters: { Source: 'stratum.todo', DetailType: '$.dynamodb.NewImage.kind.S' },
        },
      },
      { name: 'todo-events', region, accountId },
    );
    await pipes.whenPolling('todo-events');
    const item = (pk: string, type: string, title: string) =>
      dynamodb.send(
        new PutItemCommand({
          TableName: 'pipe-source',
          Item: { pk: { S: pk }, type: { S: type }, kind: { S: 'TodoCreated' }, title: { S: title } },
        }),
      );
    await item('user#1', 'user', 'not a todo');
    await item('todo#1', 'todo', 'Buy milk');
    await item('todo#2', 'todo', 'Walk the dog');
    const events = await eventually(() => bus.recentEvents().length >= 2 && bus.recentEvents());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bus.recentEvents()).toHaveLength(2);
    expect(events.map((event) => event.busName)).toEqual(['domain', 'domain']);
    expect(events.map((event) => event.envelope)).toMatchObject([
      {
        source: 'stratum.todo',
        'detail-type': 'TodoCreated',
        detail: { id: 'todo#1', title: 'Buy milk', pipe: 'todo-events' },
      },
      {
        source: 'stratum.todo',
        'detail-type': 'TodoCreated',
        detail: { id: 'todo#2', title: 'Walk the dog', pipe: 'todo-events' },
      },
    ]);
  });

  it('SQS → Lambda enrichment (with its template) → Lambda target; a failing target leaves the messages', async () => {
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'pipe-in', Attributes: { VisibilityTimeout: '1' } }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    let targetFails = true;
    const invoker = new FakeInvoker()
      .on('arn:aws:lambda:eu-west-1:123456789012:function:enrich', (batch) =>
        (batch as { order: string }[]).map((input) => ({ order: input.order, total: 42 })),
      )
      .on('arn:aws:lambda:eu-west-1:123456789012:function:target', () => {
        if (targetFails) {
          targetFails = false;
          throw new Error('target down');
        }
        return undefined;
      });
    pipes = new PipesEmulator({ invoker, sqs, timing });
    pipes.create(
      {
        Source: Attributes?.QueueArn,
        Enrichment: 'arn:aws:lambda:eu-west-1:123456789012:function:enrich',
        EnrichmentParameters: { InputTemplate: '{"order": <$.body.orderId>}' },
        Target: 'arn:aws:lambda:eu-west-1:123456789012:function:target',
      },
      { name: 'orders', region, accountId },
    );
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '{"orderId":"o-1"}' }));
    const targetCalls = await eventually(() => {
      const calls = invoker.eventsOf('arn:aws:lambda:eu-west-1:123456789012:function:target');
      return calls.length >= 2 && calls;
    }, 8_000);
    expect(invoker.eventsOf('arn:aws:lambda:eu-west-1:123456789012:function:enrich')[0]).toEqual([
      { order: 'o-1' },
    ]);
    expect(targetCalls[1]).toEqual([{ order: 'o-1', total: 42 }]);
  });

  it('refuses sources and targets it does not emulate, naming each problem', () => {
    pipes = new PipesEmulator({ invoker: new FakeInvoker(), sqs, streams, timing });
    expect(() =>
      pipes?.create(
        {
          Source: 'arn:aws:kinesis:eu-west-1:1:stream/s',
          Target: 'arn:aws:states:eu-west-1:1:stateMachine:x',
          TargetParameters: { InputTemplate: '<aws.pipes.bad>' },
        },
        { name: 'bad', region, accountId, where: 'Stack/Bad' },
      ),
    ).toThrow(
      /Stack\/Bad: Source must be an SQS queue or a DynamoDB stream ARN.*Target must be an event bus.*<aws\.pipes\.bad>/,
    );
  });
});
