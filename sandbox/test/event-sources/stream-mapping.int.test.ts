import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
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
import { CheckpointStore, EventSourceMappings, type StreamRecord } from '../../src/event-sources/index.ts';
import { eventually, FakeInvoker } from './fake-invoker.ts';

const identity = { region: 'eu-west-1', accountId: '123456789012' };
const timing = {
  streamPollIntervalMs: 100,
  retryDelayMs: 20,
  errorDelayMs: 50,
  maxBackoffMs: 200,
  shardRefreshMs: 500,
};
let ddb: DynamoDbLocal;
let fauxqs: FauxqsServer;
let dynamodb: DynamoDBClient;
let streams: DynamoDBStreamsClient;
let sqs: SQSClient;
let mappings: EventSourceMappings | undefined;
let tables = 0;

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
    region: 'eu-west-1',
    credentials: LOCAL_CREDENTIALS,
  });
}, 60_000);
afterEach(async () => {
  await mappings?.stop();
  mappings = undefined;
});
afterAll(async () => {
  await Promise.all([ddb?.stop(), fauxqs?.stop()]);
});

async function table(): Promise<{ name: string; streamArn: string }> {
  tables += 1;
  const name = `table-${tables}`;
  const { TableDescription } = await dynamodb.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  return { name, streamArn: TableDescription?.LatestStreamArn ?? '' };
}

const put = (tableName: string, pk: string, extra: Record<string, string> = {}) =>
  dynamodb.send(
    new PutItemCommand({
      TableName: tableName,
      Item: { pk: { S: pk }, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { S: v }])) },
    }),
  );

const recordsOf = (events: unknown[]) =>
  events.flatMap((event) => (event as { Records: StreamRecord[] }).Records);
const keysOf = (records: StreamRecord[]) => records.map((record) => record.dynamodb.Keys?.pk?.S);

describe('AWS::Lambda::EventSourceMapping with a DynamoDB stream (DynamoDB Local)', () => {
  it('delivers INSERT, MODIFY and REMOVE in order with the right images (LATEST)', async () => {
    const { name, streamArn } = await table();
    await put(name, 'before-start');
    const invoker = new FakeInvoker().on('fn', () => undefined);
    mappings = new EventSourceMappings({ invoker, streams, timing });
    mappings.create(
      { EventSourceArn: streamArn, FunctionName: 'fn', StartingPosition: 'LATEST' },
      { uuid: 's1', ...identity },
    );
    await mappings.whenPolling('s1');
    await put(name, 'a', { v: '1' });
    await put(name, 'a', { v: '2' });
    await dynamodb.send(new DeleteItemCommand({ TableName: name, Key: { pk: { S: 'a' } } }));
    const records = await eventually(() => {
      const all = recordsOf(invoker.eventsOf('fn'));
      return all.length >= 3 && all;
    });
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [insert, modify, remove] = records;
    expect(insert).toMatchObject({
      eventSource: 'aws:dynamodb',
      eventVersion: '1.1',
      awsRegion: 'eu-west-1',
      eventSourceARN: streamArn,
      dynamodb: {
        Keys: { pk: { S: 'a' } },
        NewImage: { pk: { S: 'a' }, v: { S: '1' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(insert?.dynamodb.OldImage).toBeUndefined();
    expect(insert?.dynamodb.ApproximateCreationDateTime).toEqual(expect.any(Number));
    expect(modify?.dynamodb).toMatchObject({ OldImage: { v: { S: '1' } }, NewImage: { v: { S: '2' } } });
    expect(remove?.dynamodb).toMatchObject({ OldImage: { v: { S: '2' } } });
    expect(remove?.dynamodb.NewImage).toBeUndefined();
    const sequence = records.map((r) => BigInt(r.dynamodb.SequenceNumber));
    expect([...sequence].sort((x, y) => (x < y ? -1 : 1))).toEqual(sequence);
  });

  it('applies FilterCriteria to the record and skips what does not match', async () => {
    const { name, streamArn } = await table();
    const invoker = new FakeInvoker().on('filtered', () => undefined);
    mappings = new EventSourceMappings({ invoker, streams, timing });
    mappings.create(
      {
        EventSourceArn: streamArn,
        FunctionName: 'filtered',
        StartingPosition: 'TRIM_HORIZON',
        FilterCriteria: {
          Filters: [
            {
              Pattern: JSON.stringify({
                eventName: ['INSERT'],
                dynamodb: { NewImage: { kind: { S: ['todo'] } } },
              }),
            },
          ],
        },
      },
      { uuid: 's2', ...identity },
    );
    await put(name, '1', { kind: 'note' });
    await put(name, '2', { kind: 'todo' });
    await put(name, '2', { kind: 'todo', again: 'yes' });
    await put(name, '3', { kind: 'todo' });
    const records = await eventually(() => {
      const all = recordsOf(invoker.eventsOf('filtered'));
      return all.length >= 2 && all;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(keysOf(recordsOf(invoker.eventsOf('filtered')))).toEqual(['2', '3']);
    expect(records.every((r) => r.eventName === 'INSERT')).toBe(true);
  });

  it('bisects a failing batch until the poison record is alone, then sends it to the on-failure queue', async () => {
    const { name, streamArn } = await table();
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `on-failure-${Date.now()}` }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    for (const pk of ['1', '2', 'poison', '4']) await put(name, pk);
    const delivered: string[] = [];
    const invoker = new FakeInvoker().on('bisect', (event) => {
      const keys = keysOf((event as { Records: StreamRecord[] }).Records);
      if (keys.includes('poison')) throw new Error('poison in batch');
      delivered.push(...keys.map(String));
    });
    mappings = new EventSourceMappings({ invoker, streams, sqs, timing });
    mappings.create(
      {
        EventSourceArn: streamArn,
        FunctionName: 'bisect',
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 4,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 1,
        DestinationConfig: { OnFailure: { Destination: Attributes?.QueueArn } },
      },
      { uuid: 's3', ...identity },
    );
    const message = await eventually(async () => {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
      return Messages?.[0];
    }, 15_000);
    const failure = JSON.parse(message.Body ?? '{}');
    expect(failure).toMatchObject({
      version: '1.0',
      requestContext: {
        condition: 'RetryAttemptsExhausted',
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bisect',
        approximateInvokeCount: 2,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      DDBStreamBatchInfo: { batchSize: 1, streamArn, shardId: expect.any(String) },
    });
    expect(failure.DDBStreamBatchInfo.startSequenceNumber).toBe(failure.DDBStreamBatchInfo.endSequenceNumber);
    await eventually(() => delivered.length === 3);
    expect(delivered).toEqual(['1', '2', '4']);
    // [1,2,poison,4] fails → [1,2] ok, [poison,4] fails → [poison] ×2 (1 retry), [4] ok.
    expect(
      invoker.eventsOf('bisect').map((e) => keysOf((e as { Records: StreamRecord[] }).Records).join()),
    ).toEqual(['1,2,poison,4', '1,2', 'poison,4', 'poison', 'poison', '4']);
  });

  it('with ReportBatchItemFailures retries from the lowest reported sequence number', async () => {
    const { name, streamArn } = await table();
    for (const pk of ['1', '2', '3']) await put(name, pk);
    let failOnce = true;
    const invoker = new FakeInvoker().on('partial', (event) => {
      const records = (event as { Records: StreamRecord[] }).Records;
      const second = records.find((r) => r.dynamodb.Keys?.pk?.S === '2');
      if (failOnce && second) {
        failOnce = false;
        return { batchItemFailures: [{ itemIdentifier: second.dynamodb.SequenceNumber }] };
      }
      return { batchItemFailures: [] };
    });
    mappings = new EventSourceMappings({ invoker, streams, timing });
    mappings.create(
      {
        EventSourceArn: streamArn,
        FunctionName: 'partial',
        StartingPosition: 'TRIM_HORIZON',
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      },
      { uuid: 's4', ...identity },
    );
    await eventually(() => invoker.eventsOf('partial').length >= 2);
    expect(
      invoker.eventsOf('partial').map((e) => keysOf((e as { Records: StreamRecord[] }).Records).join()),
    ).toEqual(['1,2,3', '2,3']);
  });

  it('resumes after a restart from the checkpoint file, without replaying delivered records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpoints-'));
    try {
      const file = join(dir, 'checkpoints.json');
      const { name, streamArn } = await table();
      const invoker = new FakeInvoker().on('resume', () => undefined);
      const properties = { EventSourceArn: streamArn, FunctionName: 'resume', StartingPosition: 'LATEST' };
      mappings = new EventSourceMappings({
        invoker,
        streams,
        timing,
        checkpoints: new CheckpointStore(file),
      });
      mappings.create(properties, { uuid: 's5', ...identity });
      await mappings.whenPolling('s5');
      await put(name, 'first');
      await eventually(() => recordsOf(invoker.eventsOf('resume')).length === 1);
      await mappings.stop();
      await put(name, 'while-stopped');
      mappings = new EventSourceMappings({
        invoker,
        streams,
        timing,
        checkpoints: new CheckpointStore(file),
      });
      mappings.create(properties, { uuid: 's5', ...identity });
      await eventually(() => recordsOf(invoker.eventsOf('resume')).length === 2);
      expect(keysOf(recordsOf(invoker.eventsOf('resume')))).toEqual(['first', 'while-stopped']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
