import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventSourceMappings } from '../../src/event-sources/index.ts';
import { eventually, FakeInvoker } from './fake-invoker.ts';

const region = 'eu-west-1';
const identity = { region, accountId: '123456789012' };
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const timing = { sqsWaitTimeSeconds: 1, errorDelayMs: 50, maxBackoffMs: 500 };
let fauxqs: FauxqsServer;
let sqs: SQSClient;
let mappings: EventSourceMappings | undefined;
let counter = 0;

beforeAll(async () => {
  fauxqs = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  sqs = new SQSClient({ endpoint: `http://127.0.0.1:${fauxqs.port}`, region, credentials });
});
afterEach(async () => {
  await mappings?.stop();
  mappings = undefined;
});
afterAll(async () => {
  await fauxqs?.stop();
});

async function queue(attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  counter += 1;
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: `q${counter}-${Date.now()}`, Attributes: attributes }),
  );
  const url = QueueUrl ?? '';
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return { url, arn: Attributes?.QueueArn ?? '' };
}

async function visibleCount(url: string): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
}

const bodiesOf = (events: unknown[]) =>
  events.flatMap((event) => (event as { Records: { body: string }[] }).Records.map((record) => record.body));

describe('AWS::Lambda::EventSourceMapping with an SQS source (fauxqs)', () => {
  it('invokes with the SQS event shape and deletes the batch on success', async () => {
    const source = await queue();
    const invoker = new FakeInvoker().on('consumer', () => undefined);
    mappings = new EventSourceMappings({ invoker, sqs, timing });
    mappings.create({ EventSourceArn: source.arn, FunctionName: 'consumer' }, { uuid: 'm1', ...identity });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: source.url,
        MessageBody: '{"hello":"world"}',
        MessageAttributes: { tenant: { DataType: 'String', StringValue: 't-1' } },
      }),
    );
    const [event] = await eventually(
      () => invoker.eventsOf('consumer').length > 0 && invoker.eventsOf('consumer'),
    );
    const record = (event as { Records: Record<string, unknown>[] }).Records[0];
    expect(record).toMatchObject({
      body: '{"hello":"world"}',
      eventSource: 'aws:sqs',
      eventSourceARN: source.arn,
      awsRegion: region,
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {
        tenant: { stringValue: 't-1', dataType: 'String', stringListValues: [], binaryListValues: [] },
      },
    });
    expect(record?.messageId).toEqual(expect.any(String));
    expect(record?.receiptHandle).toEqual(expect.any(String));
    expect((record?.attributes as Record<string, string> | undefined)?.SentTimestamp).toMatch(/^\d+$/);
    await eventually(async () => (await visibleCount(source.url)) === 0);
  });

  it('with ReportBatchItemFailures deletes only the messages that succeeded', async () => {
    const source = await queue({ VisibilityTimeout: '2' });
    const invoker = new FakeInvoker().on('partial', (event) => {
      const records = (event as { Records: { messageId: string; body: string }[] }).Records;
      return {
        batchItemFailures: records
          .filter((r) => r.body.startsWith('bad'))
          .map((r) => ({ itemIdentifier: r.messageId })),
      };
    });
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: source.url,
        Entries: ['ok-1', 'bad-1', 'ok-2', 'bad-2'].map((body, index) => ({
          Id: String(index),
          MessageBody: body,
        })),
      }),
    );
    mappings = new EventSourceMappings({ invoker, sqs, timing });
    mappings.create(
      {
        EventSourceArn: source.arn,
        FunctionName: 'partial',
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      },
      { uuid: 'm2', ...identity },
    );
    await eventually(() => invoker.eventsOf('partial').length > 0);
    await mappings.stop();
    const first = bodiesOf(invoker.eventsOf('partial').slice(0, 1)).sort();
    expect(first).toEqual(['bad-1', 'bad-2', 'ok-1', 'ok-2']);
    // The two failed messages come back after the visibility timeout; the others are gone.
    const left: string[] = [];
    await eventually(async () => {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
      );
      left.push(...(Messages ?? []).map((m) => m.Body ?? ''));
      return left.length >= 2;
    });
    expect(left.sort()).toEqual(['bad-1', 'bad-2']);
  });

  it('treats an invalid batch response as a failure of the whole batch', async () => {
    const source = await queue({ VisibilityTimeout: '1' });
    const invoker = new FakeInvoker().on('liar', () => ({
      batchItemFailures: [{ itemIdentifier: 'no-such-id' }],
    }));
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'kept' }));
    mappings = new EventSourceMappings({ invoker, sqs, timing });
    mappings.create(
      {
        EventSourceArn: source.arn,
        FunctionName: 'liar',
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      },
      { uuid: 'm3', ...identity },
    );
    await eventually(() => invoker.eventsOf('liar').length >= 2, 8_000);
    const counts = invoker
      .eventsOf('liar')
      .map(
        (event) =>
          (event as { Records: { attributes: { ApproximateReceiveCount: string } }[] }).Records[0]?.attributes
            .ApproximateReceiveCount,
      );
    expect(counts.slice(0, 2)).toEqual(['1', '2']);
  });

  it('leaves a failing message to the queue: after maxReceiveCount the redrive policy moves it to the DLQ', async () => {
    const dlq = await queue();
    const source = await queue({
      VisibilityTimeout: '1',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
    });
    const invoker = new FakeInvoker().on('poisoned', (event) => {
      const [record] = (event as { Records: { body: string }[] }).Records;
      if (record?.body === 'poison') throw new Error('cannot digest');
    });
    mappings = new EventSourceMappings({ invoker, sqs, timing });
    mappings.create(
      { EventSourceArn: source.arn, FunctionName: 'poisoned', BatchSize: 1 },
      { uuid: 'm4', ...identity },
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'poison' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'fine' }));
    const dead = await eventually(async () => {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: dlq.url, WaitTimeSeconds: 1 }),
      );
      return Messages?.[0];
    }, 15_000);
    expect(dead.Body).toBe('poison');
    const poisonInvocations = bodiesOf(invoker.eventsOf('poisoned')).filter((body) => body === 'poison');
    expect(poisonInvocations).toHaveLength(2);
    expect(bodiesOf(invoker.eventsOf('poisoned'))).toContain('fine');
  });

  it('deletes messages the filter rejects without invoking, and passes JSON bodies to the filter parsed', async () => {
    const source = await queue();
    const invoker = new FakeInvoker().on('filtered', () => undefined);
    mappings = new EventSourceMappings({ invoker, sqs, timing });
    mappings.create(
      {
        EventSourceArn: source.arn,
        FunctionName: 'filtered',
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ body: { kind: ['keep'] } }) }] },
      },
      { uuid: 'm5', ...identity },
    );
    for (const body of ['{"kind":"drop"}', 'plain text', '{"kind":"keep","n":1}']) {
      await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: body }));
    }
    await eventually(async () => (await visibleCount(source.url)) === 0);
    expect(bodiesOf(invoker.eventsOf('filtered'))).toEqual(['{"kind":"keep","n":1}']);
  });

  it('does not poll while disabled, and survives the engine going away without crashing', async () => {
    const source = await queue();
    const invoker = new FakeInvoker().on('idle', () => undefined);
    const lines: string[] = [];
    const deadSqs = new SQSClient({ endpoint: 'http://127.0.0.1:9', region, credentials, maxAttempts: 1 });
    mappings = new EventSourceMappings({ invoker, sqs: deadSqs, timing, log: (line) => lines.push(line) });
    mappings.create(
      { EventSourceArn: source.arn, FunctionName: 'idle', Enabled: false },
      { uuid: 'm6', ...identity },
    );
    mappings.create({ EventSourceArn: source.arn, FunctionName: 'idle' }, { uuid: 'm7', ...identity });
    await eventually(() => lines.some((line) => line.includes('m7') && line.includes('backing off')));
    expect(lines.some((line) => line.includes('m6'))).toBe(false);
    expect(mappings.list().map((m) => [m.uuid, m.enabled])).toEqual([
      ['m6', false],
      ['m7', true],
    ]);
  });

  it('refuses sources and settings it does not emulate, listing every problem', () => {
    mappings = new EventSourceMappings({ invoker: new FakeInvoker(), sqs, timing });
    expect(() =>
      mappings?.create(
        {
          EventSourceArn: 'arn:aws:kinesis:eu-west-1:1:stream/s',
          BatchSize: 0,
          FunctionResponseTypes: ['Nope'],
        },
        { uuid: 'bad', ...identity, where: 'Stack/Mapping' },
      ),
    ).toThrow(
      /Stack\/Mapping: FunctionName is required; EventSourceArn must be an SQS queue or DynamoDB stream ARN.*BatchSize must be an integer from 1 to 10000.*FunctionResponseTypes/,
    );
  });
});
