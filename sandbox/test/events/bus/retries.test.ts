import { describe, expect, it } from 'vitest';
import { type BusActivity, TargetDeliveryError } from '../../../src/events/bus/index.ts';
import { busWith, entry, FakeDispatcher, fnArn, queueArn } from './fake-dispatcher.ts';

const DLQ = queueArn('todo-dlq');

function setup(target: Record<string, unknown>, remaining: number, error = () => new Error('boom')) {
  const dispatcher = new FakeDispatcher();
  dispatcher.failures.set(fnArn('flaky'), { remaining, error });
  const bus = busWith(dispatcher);
  const failures: BusActivity[] = [];
  bus.observe((activity) => {
    if (activity.type.startsWith('delivery')) failures.push(activity);
  });
  const rule = bus.createRule(
    { EventPattern: { source: ['stratum.todo'] }, Targets: [{ Id: 'f', Arn: fnArn('flaky'), ...target }] },
    'R',
  );
  return { dispatcher, bus, failures, rule };
}

describe('retries and dead letters', () => {
  it('retries until the target accepts', async () => {
    const { dispatcher, bus, failures } = setup({}, 3);
    bus.putEvents([entry({ id: 1 })]);
    await bus.drain();
    expect(dispatcher.calls.filter((call) => call.arn === fnArn('flaky'))).toHaveLength(4);
    expect(failures).toEqual([expect.objectContaining({ type: 'delivery-succeeded', attempts: 4 })]);
  });

  it('sends the original event to the DLQ with the attributes EventBridge adds after MaximumRetryAttempts', async () => {
    const { dispatcher, bus, rule } = setup(
      {
        Input: '{"transformed":true}',
        RetryPolicy: { MaximumRetryAttempts: 2 },
        DeadLetterConfig: { Arn: DLQ },
      },
      Number.POSITIVE_INFINITY,
      () => new TargetDeliveryError('TooManyRequestsException', 'Rate exceeded'),
    );
    const [result] = bus.putEvents([entry({ id: 2 })]).Entries;
    await bus.drain();
    expect(dispatcher.calls.filter((call) => call.arn === fnArn('flaky'))).toHaveLength(3);
    const [dead] = dispatcher.calls.filter((call) => call.arn === DLQ);
    expect(JSON.parse(dead?.body ?? '')).toMatchObject({
      id: result && 'EventId' in result ? result.EventId : '',
      detail: { id: 2 },
    });
    expect(dead?.message?.messageAttributes).toEqual({
      RULE_ARN: rule.arn,
      TARGET_ARN: fnArn('flaky'),
      ERROR_CODE: 'TooManyRequestsException',
      ERROR_MESSAGE: 'Rate exceeded',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '2',
    });
  });

  it('stops at MaximumEventAgeInSeconds (simulated time: 1+2+4+8+16 s fit in 60 s, 32 s more does not)', async () => {
    const { dispatcher, bus } = setup(
      { RetryPolicy: { MaximumEventAgeInSeconds: 60 }, DeadLetterConfig: { Arn: DLQ } },
      Number.POSITIVE_INFINITY,
    );
    bus.putEvents([entry({ id: 3 })]);
    await bus.drain();
    expect(dispatcher.calls.filter((call) => call.arn === fnArn('flaky'))).toHaveLength(6);
    const [dead] = dispatcher.calls.filter((call) => call.arn === DLQ);
    expect(dead?.message?.messageAttributes).toMatchObject({
      EXHAUSTED_RETRY_CONDITION: 'MaximumEventAgeInSeconds',
      RETRY_ATTEMPTS: '5',
      ERROR_CODE: 'SDK_CLIENT_ERROR',
    });
  });

  it('does not retry errors marked not retryable, and drops events without a DLQ, telling the observer', async () => {
    const { dispatcher, bus, failures } = setup(
      {},
      Number.POSITIVE_INFINITY,
      () => new TargetDeliveryError('ResourceNotFoundException', 'Function not found', { retryable: false }),
    );
    bus.putEvents([entry({ id: 4 })]);
    await bus.drain();
    expect(dispatcher.calls).toHaveLength(1);
    expect(failures).toEqual([
      expect.objectContaining({
        type: 'delivery-failed',
        attempts: 1,
        errorCode: 'ResourceNotFoundException',
        outcome: 'dropped',
      }),
    ]);
  });

  it('puts the FIFO group and the event id as deduplication id on SQS FIFO targets', async () => {
    const dispatcher = new FakeDispatcher();
    const bus = busWith(dispatcher);
    bus.createRule(
      {
        EventPattern: { source: ['stratum.todo'] },
        Targets: [{ Id: 'q', Arn: queueArn('jobs.fifo'), SqsParameters: { MessageGroupId: 'tenant-1' } }],
      },
      'R',
    );
    const [result] = bus.putEvents([entry({})]).Entries;
    await bus.drain();
    expect(dispatcher.calls[0]?.message).toMatchObject({
      messageGroupId: 'tenant-1',
      messageDeduplicationId: result && 'EventId' in result ? result.EventId : 'x',
    });
  });
});
