import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { BadUserInputError, MoveTaskRunningError } from '../src/errors.ts';
import { DeadLetterOperations } from '../src/queues/dead-letter-operations.ts';
import {
  ANALYTICS_FUNCTION_ARN,
  CLEANUP_FUNCTION_ARN,
  COMPLETION_FUNCTION_ARN,
  domainEvent,
  ENTRIES,
  lambdaFailureRecord,
  NOTIFICATIONS_SOURCE_ARN,
  queueList,
  silentLogger,
} from './support/queues.ts';

const sqsMock = mockClient(SQSClient);
const lambdaMock = mockClient(LambdaClient);
const NOW = Date.parse('2030-01-01T01:00:00Z');
const [NOTIFICATIONS, ANALYTICS] = ENTRIES as [(typeof ENTRIES)[0], (typeof ENTRIES)[0]];

function operations() {
  return new DeadLetterOperations({
    queues: queueList(),
    sqs: new SQSClient({ region: 'eu-west-1' }),
    lambda: new LambdaClient({ region: 'eu-west-1' }),
    logger: silentLogger(),
    now: () => NOW,
  });
}

const message = (id: string, body: string, sentAt: string, extra: Record<string, unknown> = {}) => ({
  MessageId: id,
  ReceiptHandle: `rh-${id}`,
  Body: body,
  Attributes: { SentTimestamp: String(Date.parse(sentAt)), ApproximateReceiveCount: '2' },
  ...extra,
});

beforeEach(() => {
  sqsMock.reset();
  lambdaMock.reset();
  sqsMock.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
  sqsMock.on(DeleteMessageBatchCommand).resolves({ Successful: [], Failed: [] });
});

describe('peeking at dead letters', () => {
  it('receives under a short visibility timeout, releases every message at once and deletes none', async () => {
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          message('m2', lambdaFailureRecord(domainEvent('e-2')), '2030-01-01T00:30:00Z'),
          message('m1', JSON.stringify(domainEvent('e-1')), '2030-01-01T00:10:00Z', {
            MessageAttributes: {
              ERROR_CODE: { DataType: 'String', StringValue: 'Lambda.ServiceException' },
              RULE_ARN: { DataType: 'String', StringValue: 'arn:aws:events:eu-west-1:111122223333:rule/r' },
            },
          }),
        ],
      })
      .resolves({ Messages: [] });

    const peeked = await operations().peek('analytics', 5);

    expect(peeked.map((m) => [m.messageId, m.sentAt, m.receiveCount])).toEqual([
      ['m1', '2030-01-01T00:10:00.000Z', 2],
      ['m2', '2030-01-01T00:30:00.000Z', 2],
    ]);
    expect(peeked[0]?.attributes).toEqual([
      { name: 'ERROR_CODE', value: 'Lambda.ServiceException' },
      { name: 'RULE_ARN', value: 'arn:aws:events:eu-west-1:111122223333:rule/r' },
    ]);
    expect(peeked[1]?.failure?.code).toBe('TransactionCanceledException');
    const receive = sqsMock.commandCalls(ReceiveMessageCommand)[0]?.args[0].input;
    expect(receive).toMatchObject({
      QueueUrl: ANALYTICS.queueUrl,
      MaxNumberOfMessages: 5,
      VisibilityTimeout: 30,
    });
    const released = sqsMock.commandCalls(ChangeMessageVisibilityBatchCommand)[0]?.args[0].input;
    expect(released?.Entries?.map((entry) => [entry.ReceiptHandle, entry.VisibilityTimeout])).toEqual([
      ['rh-m2', 0],
      ['rh-m1', 0],
    ]);
    expect(sqsMock.commandCalls(DeleteMessageBatchCommand)).toHaveLength(0);
  });

  it('refuses a queue off the allow-list and a max outside 1–10 before calling SQS', async () => {
    await expect(operations().peek('https://sqs.eu-west-1.amazonaws.com/1/other', 5)).rejects.toMatchObject({
      field: 'queue',
      code: 'BAD_USER_INPUT',
    });
    for (const max of [0, 11, 2.5]) {
      await expect(operations().peek('analytics', max)).rejects.toBeInstanceOf(BadUserInputError);
    }
    expect(sqsMock.calls()).toHaveLength(0);
  });
});

describe('the queue list', () => {
  it('reports depth, in-flight, the oldest message’s age and the last move task', async () => {
    sqsMock.on(GetQueueAttributesCommand).resolves({
      Attributes: { ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' },
    });
    sqsMock.on(GetQueueAttributesCommand, { QueueUrl: NOTIFICATIONS.queueUrl }).resolves({
      Attributes: { ApproximateNumberOfMessages: '2', ApproximateNumberOfMessagesNotVisible: '1' },
    });
    sqsMock
      .on(ReceiveMessageCommand, { QueueUrl: NOTIFICATIONS.queueUrl })
      .resolvesOnce({
        Messages: [message('a', '{}', '2030-01-01T00:59:00Z'), message('b', '{}', '2030-01-01T00:00:00Z')],
      })
      .resolves({});
    sqsMock.on(ListMessageMoveTasksCommand).resolves({
      Results: [{ Status: 'COMPLETED', ApproximateNumberOfMessagesMoved: 4, StartedTimestamp: NOW - 60_000 }],
    });

    const [notifications, analytics, pipe, mediaEvents] = await operations().list();

    expect(notifications).toMatchObject({
      approximateDepth: 2,
      approximateInFlight: 1,
      oldestMessageAgeSeconds: 3600,
      redrive: { mode: 'MOVE_TO_SOURCE' },
      lastMoveTask: { status: 'COMPLETED', approximateNumberOfMessagesMoved: 4 },
    });
    expect(analytics).toMatchObject({
      approximateDepth: 0,
      oldestMessageAgeSeconds: null,
      lastMoveTask: null,
    });
    expect(pipe?.redrive.mode).toBe('NONE');
    expect(mediaEvents?.redrive.mode).toBe('REINVOKE_FUNCTION');
    // Only the queue-fed DLQ has move tasks; empty queues are not peeked.
    expect(sqsMock.commandCalls(ListMessageMoveTasksCommand)).toHaveLength(1);
    expect(
      sqsMock
        .commandCalls(ReceiveMessageCommand)
        .every((call) => call.args[0].input.QueueUrl === NOTIFICATIONS.queueUrl),
    ).toBe(true);
  });
});

describe('redrive', () => {
  it('starts a move task from the DLQ to its source queue', async () => {
    sqsMock
      .on(ListMessageMoveTasksCommand)
      .resolvesOnce({ Results: [{ Status: 'COMPLETED', StartedTimestamp: NOW - 1000 }] })
      .resolves({
        Results: [
          {
            TaskHandle: 'task-1',
            Status: 'RUNNING',
            DestinationArn: NOTIFICATIONS_SOURCE_ARN,
            ApproximateNumberOfMessagesToMove: 3,
            StartedTimestamp: NOW,
          },
        ],
      });
    sqsMock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-1' });

    const outcome = await operations().redrive('notifications');

    expect(sqsMock.commandCalls(StartMessageMoveTaskCommand)[0]?.args[0].input).toEqual({
      SourceArn: NOTIFICATIONS.queueArn,
      DestinationArn: NOTIFICATIONS_SOURCE_ARN,
    });
    expect(outcome).toMatchObject({
      mode: 'MOVE_TO_SOURCE',
      moveTask: { taskHandle: 'task-1', status: 'RUNNING', approximateNumberOfMessagesToMove: 3 },
      summary: 'Moving the messages of notifications back to notifications-queue.',
    });
  });

  it('does not start a second task while one runs', async () => {
    sqsMock.on(ListMessageMoveTasksCommand).resolves({
      Results: [{ TaskHandle: 'task-0', Status: 'RUNNING', StartedTimestamp: NOW }],
    });
    await expect(operations().redrive('notifications')).rejects.toBeInstanceOf(MoveTaskRunningError);
    expect(sqsMock.commandCalls(StartMessageMoveTaskCommand)).toHaveLength(0);
  });

  it('re-invokes the failed function with each original event, deletes those, keeps the rest', async () => {
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          message('m1', lambdaFailureRecord(domainEvent('e-1')), '2030-01-01T00:00:00Z'),
          message('m2', JSON.stringify(domainEvent('e-2')), '2030-01-01T00:00:00Z'),
          message('m3', 'garbage', '2030-01-01T00:00:00Z'),
        ],
      })
      .resolves({ Messages: [] });
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });

    const outcome = await operations().redrive('analytics');

    expect(outcome).toMatchObject({ mode: 'REINVOKE_FUNCTION', reinvoked: 2, skipped: 1 });
    const invocations = lambdaMock.commandCalls(InvokeCommand).map((call) => call.args[0].input);
    expect(invocations.map((input) => [input.FunctionName, input.InvocationType])).toEqual([
      [ANALYTICS_FUNCTION_ARN, 'Event'],
      [ANALYTICS_FUNCTION_ARN, 'Event'],
    ]);
    const payloads = invocations.map((input) =>
      JSON.parse(new TextDecoder().decode(input.Payload as Uint8Array)),
    );
    expect(payloads.map((event) => event.id)).toEqual(['e-1', 'e-2']);
    const deleted = sqsMock.commandCalls(DeleteMessageBatchCommand)[0]?.args[0].input.Entries;
    expect(deleted?.map((entry) => entry.ReceiptHandle)).toEqual(['rh-m1', 'rh-m2']);
    const released = sqsMock.commandCalls(ChangeMessageVisibilityBatchCommand)[0]?.args[0].input.Entries;
    expect(released?.map((entry) => [entry.ReceiptHandle, entry.VisibilityTimeout])).toEqual([['rh-m3', 0]]);
  });

  it('stops at an Invoke error: deletes what was sent, releases the rest, raises the error', async () => {
    sqsMock.on(ReceiveMessageCommand).resolves({
      Messages: [
        message('m1', lambdaFailureRecord(domainEvent('e-1')), '2030-01-01T00:00:00Z'),
        message('m2', lambdaFailureRecord(domainEvent('e-2')), '2030-01-01T00:00:00Z'),
      ],
    });
    lambdaMock
      .on(InvokeCommand)
      .resolvesOnce({ StatusCode: 202 })
      .rejects(new Error('TooManyRequestsException'));

    await expect(operations().redrive('analytics')).rejects.toThrow('TooManyRequestsException');
    expect(
      sqsMock.commandCalls(DeleteMessageBatchCommand)[0]?.args[0].input.Entries?.map((e) => e.ReceiptHandle),
    ).toEqual(['rh-m1']);
    expect(
      sqsMock
        .commandCalls(ChangeMessageVisibilityBatchCommand)[0]
        ?.args[0].input.Entries?.map((e) => e.ReceiptHandle),
    ).toEqual(['rh-m2']);
  });

  it('sends each message of a shared DLQ back to the function it names, and no other', async () => {
    const completion = { 'detail-type': 'MediaConvert Job State Change', id: 'mc-1' };
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          message(
            'r1',
            lambdaFailureRecord(domainEvent('e-1'), CLEANUP_FUNCTION_ARN),
            '2030-01-01T00:00:00Z',
          ),
          message('r2', JSON.stringify(completion), '2030-01-01T00:00:00Z', {
            MessageAttributes: { TARGET_ARN: { DataType: 'String', StringValue: COMPLETION_FUNCTION_ARN } },
          }),
          // Names a function this queue does not serve; and an event naming none, with two candidates.
          message(
            'r3',
            lambdaFailureRecord(domainEvent('e-3'), ANALYTICS_FUNCTION_ARN),
            '2030-01-01T00:00:00Z',
          ),
          message('r4', JSON.stringify(domainEvent('e-4')), '2030-01-01T00:00:00Z'),
        ],
      })
      .resolves({ Messages: [] });
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });

    const outcome = await operations().redrive('media-events');

    expect(outcome).toMatchObject({ reinvoked: 2, skipped: 2 });
    expect(outcome.summary).toBe(
      '2 event(s) sent again to transcode-completion, todo-media-cleanup. 2 named no function of this queue or held no event, and stay in it.',
    );
    expect(lambdaMock.commandCalls(InvokeCommand).map((call) => call.args[0].input.FunctionName)).toEqual([
      CLEANUP_FUNCTION_ARN,
      COMPLETION_FUNCTION_ARN,
    ]);
    expect(sqsMock.commandCalls(ReceiveMessageCommand)[0]?.args[0].input.MessageAttributeNames).toEqual([
      'TARGET_ARN',
    ]);
    const released = sqsMock.commandCalls(ChangeMessageVisibilityBatchCommand)[0]?.args[0].input.Entries;
    expect(released?.map((entry) => entry.ReceiptHandle)).toEqual(['rh-r3', 'rh-r4']);
  });

  it('refuses a pipe DLQ with the reason, without touching it', async () => {
    await expect(operations().redrive('table-stream-pipe')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'queue',
      message: expect.stringMatching(
        /^table-stream-pipe cannot be redriven: These messages describe failed stream batches/,
      ),
    });
    expect(sqsMock.calls()).toHaveLength(0);
  });
});
