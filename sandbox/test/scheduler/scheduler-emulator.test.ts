import { afterEach, describe, expect, it } from 'vitest';
import type { QueueMessage } from '../../src/event-sources/index.ts';
import { EventBusEmulator } from '../../src/events/bus/index.ts';
import { SchedulerEmulator, type SchedulerEmulatorOptions } from '../../src/scheduler/index.ts';

const location = { region: 'eu-west-1', accountId: '123456789012' };
const fnArn = 'arn:aws:lambda:eu-west-1:123456789012:function:due-soon';
let scheduler: SchedulerEmulator | undefined;

afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

function setup(options: Partial<SchedulerEmulatorOptions> = {}, start = '2026-03-10T09:00:00Z') {
  let now = new Date(start);
  const invocations: { arn: string; event: unknown }[] = [];
  const sent: QueueMessage[] = [];
  scheduler = new SchedulerEmulator({
    location,
    now: () => now,
    retryDelayMs: 1,
    maxBackoffMs: 5,
    invokeFunction: async (arn, event) => {
      invocations.push({ arn, event });
    },
    queues: { send: async (message) => void sent.push(message) },
    ...options,
  });
  return {
    scheduler,
    invocations,
    sent,
    setNow: (iso: string) => (now = new Date(iso)),
    at: (iso: string) => new Date(iso),
  };
}

describe('AWS::Scheduler::Schedule', () => {
  it('fires a Lambda target on its cron with the context attributes in Input, and only when due', async () => {
    const { scheduler, invocations, at } = setup();
    scheduler.createSchedule(
      {
        ScheduleExpression: 'cron(0 10 * * ? *)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: fnArn,
          RoleArn: 'arn:aws:iam::1:role/r',
          Input: '{"at":"<aws.scheduler.scheduled-time>","arn":"<aws.scheduler.schedule-arn>"}',
        },
      },
      'daily',
    );
    expect(scheduler.list()[0]?.nextFireAt?.toISOString()).toBe('2026-03-10T10:00:00.000Z');
    expect(await scheduler.tick(at('2026-03-10T09:59:59Z'))).toEqual([]);
    const [result] = await scheduler.tick(at('2026-03-10T10:00:00Z'));
    expect(result).toMatchObject({ delivered: true, attempts: 1 });
    expect(invocations).toEqual([
      {
        arn: fnArn,
        event: {
          at: '2026-03-10T10:00:00Z',
          arn: 'arn:aws:scheduler:eu-west-1:123456789012:schedule/default/daily',
        },
      },
    ]);
    expect(scheduler.list()[0]?.nextFireAt?.toISOString()).toBe('2026-03-11T10:00:00.000Z');
  });

  it('puts events on a bus with EventBridgeParameters', async () => {
    const bus = new EventBusEmulator({ location: { account: location.accountId, region: location.region } });
    const { arn } = bus.createEventBus({ Name: 'domain' });
    const { scheduler, at } = setup({ putEvents: (entries) => bus.putEvents(entries) });
    scheduler.createSchedule(
      {
        ScheduleExpression: 'rate(5 minutes)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: arn,
          Input: '{"job":"sweep"}',
          EventBridgeParameters: { DetailType: 'SweepDue', Source: 'stratum.scheduler' },
        },
      },
      'sweep',
    );
    await scheduler.tick(at('2026-03-10T09:05:00Z'));
    expect(
      bus
        .recentEvents()
        .map((event) => [
          event.busName,
          event.envelope.source,
          event.envelope['detail-type'],
          event.envelope.detail,
        ]),
    ).toEqual([['domain', 'stratum.scheduler', 'SweepDue', { job: 'sweep' }]]);
  });

  it('fires missed occurrences once, honours State, EndDate and the flexible window', async () => {
    const { scheduler, invocations, at } = setup({ random: () => 0.5 });
    scheduler.createSchedule(
      { ScheduleExpression: 'rate(1 minute)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: fnArn } },
      'often',
    );
    scheduler.createSchedule(
      {
        ScheduleExpression: 'rate(1 minute)',
        State: 'DISABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: fnArn },
      },
      'off',
    );
    scheduler.createSchedule(
      {
        ScheduleExpression: 'cron(0 10 * * ? *)',
        FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 10 },
        Target: { Arn: fnArn, Input: '"flex"' },
      },
      'flex',
    );
    scheduler.createSchedule(
      {
        ScheduleExpression: 'rate(1 minute)',
        EndDate: '2026-03-10T09:02:00Z',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: fnArn, Input: '"ending"' },
      },
      'ending',
    );
    const fired = await scheduler.tick(at('2026-03-10T09:30:00Z'));
    expect(fired.map((f) => f.scheduledTime.toISOString())).toEqual([
      '2026-03-10T09:30:00.000Z',
      '2026-03-10T09:02:00.000Z',
    ]);
    expect(scheduler.list().find((s) => s.name === 'ending')?.nextFireAt).toBeUndefined();
    expect(scheduler.list().find((s) => s.name === 'off')?.nextFireAt).toBeUndefined();
    // The flexible window delays the 10:00 occurrence by half of 10 minutes.
    expect(
      scheduler
        .list()
        .find((s) => s.name === 'flex')
        ?.nextFireAt?.toISOString(),
    ).toBe('2026-03-10T10:05:00.000Z');
    invocations.length = 0;
    await scheduler.tick(at('2026-03-10T10:04:59Z'));
    expect(invocations.map((i) => i.event)).not.toContain('flex');
    await scheduler.tick(at('2026-03-10T10:05:00Z'));
    expect(invocations.map((i) => i.event)).toContain('flex');
  });

  it('retries per RetryPolicy, then sends the input to the dead-letter queue with the error attributes', async () => {
    let calls = 0;
    const { scheduler, sent } = setup({
      invokeFunction: async () => {
        calls += 1;
        throw Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' });
      },
    });
    scheduler.createSchedule(
      {
        ScheduleExpression: 'at(2026-03-10T12:00:00)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: fnArn,
          Input: '{"n":1}',
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 },
          DeadLetterConfig: { Arn: 'arn:aws:sqs:eu-west-1:123456789012:scheduler-dlq' },
        },
      },
      'once',
    );
    const result = await scheduler.triggerNow('once');
    expect(calls).toBe(3);
    expect(result).toMatchObject({ delivered: false, attempts: 3, deadLettered: true });
    expect(sent).toEqual([
      {
        queueArn: 'arn:aws:sqs:eu-west-1:123456789012:scheduler-dlq',
        body: '{"n":1}',
        attributes: {
          ERROR_CODE: 'ResourceNotFoundException',
          ERROR_MESSAGE: 'ResourceNotFoundException: Function not found',
          EXECUTION_ID: result.executionId,
          SCHEDULE_ARN: 'arn:aws:scheduler:eu-west-1:123456789012:schedule/default/once',
          TARGET_ARN: fnArn,
        },
      },
    ]);
  });

  it('deletes a one-time schedule after it fires with ActionAfterCompletion DELETE; real timers fire it', async () => {
    const { scheduler, invocations } = setup({ now: () => new Date() });
    const soon = new Date(Date.now() + 1_000);
    const wall = soon.toISOString().slice(0, 19);
    scheduler.createScheduleGroup('jobs');
    scheduler.createSchedule(
      {
        ScheduleExpression: `at(${wall})`,
        GroupName: 'jobs',
        ActionAfterCompletion: 'DELETE',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: fnArn },
      },
      'one-shot',
    );
    scheduler.start();
    const deadline = Date.now() + 5_000;
    while (invocations.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(invocations).toEqual([{ arn: fnArn, event: {} }]);
    expect(scheduler.list()).toEqual([]);
  });

  it('refuses what Scheduler refuses, listing every problem', () => {
    const { scheduler } = setup();
    expect(() =>
      scheduler.createSchedule(
        {
          ScheduleExpression: 'rate(1 minutes)',
          FlexibleTimeWindow: { Mode: 'SOMETIMES' },
          Target: { Arn: 'arn:aws:ecs:eu-west-1:1:cluster/c' },
          GroupName: 'nope',
        },
        'bad',
        'Stack/Bad',
      ),
    ).toThrow(
      /Stack\/Bad: rate\(1 minutes\).*FlexibleTimeWindow\.Mode must be OFF or FLEXIBLE.*only Lambda, event-bus, SQS/,
    );
  });
});
