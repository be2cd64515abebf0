import { describe, expect, it } from 'vitest';
import { type BusActivity, EventsDefinitionError } from '../../../src/events/bus/index.ts';
import { busWith, entry, FakeDispatcher, fnArn, queueArn, topicArn } from './fake-dispatcher.ts';

describe('routing', () => {
  it('delivers to rules of the event bus whose pattern matches, each of their targets', async () => {
    const dispatcher = new FakeDispatcher();
    const bus = busWith(dispatcher);
    const app = bus.createEventBus({ Name: 'app' });
    bus.createRule(
      {
        EventBusName: app.arn,
        EventPattern: { source: ['stratum.todo'], detail: { priority: [{ numeric: ['>=', 3] }] } },
        Targets: [
          { Id: 'fn', Arn: fnArn('urgent') },
          { Id: 'q', Arn: queueArn('urgent') },
          { Id: 't', Arn: topicArn('urgent') },
        ],
      },
      'Urgent',
    );
    bus.createRule(
      { EventPattern: { source: ['stratum.todo'] }, Targets: [{ Id: 'fn', Arn: fnArn('default-bus') }] },
      'OnDefault',
    );
    bus.createRule(
      {
        EventBusName: 'app',
        State: 'DISABLED',
        EventPattern: { source: ['stratum.todo'] },
        Targets: [{ Id: 'fn', Arn: fnArn('disabled') }],
      },
      'Disabled',
    );
    const result = bus.putEvents([
      entry({ priority: 5 }, { EventBusName: 'app' }),
      entry({ priority: 1 }, { EventBusName: app.arn }),
    ]);
    expect(result.FailedEntryCount).toBe(0);
    expect(dispatcher.calls).toHaveLength(0); // delivery is asynchronous to putEvents
    await bus.drain();
    const urgent = dispatcher.bodiesFor(fnArn('urgent'));
    expect(urgent).toHaveLength(1);
    expect(urgent[0]).toMatchObject({ detail: { priority: 5 } });
    expect(dispatcher.bodiesFor(queueArn('urgent'))).toEqual(urgent);
    expect(dispatcher.bodiesFor(topicArn('urgent'))).toEqual(urgent);
    expect(dispatcher.bodiesFor(fnArn('default-bus'))).toHaveLength(0);
    expect(dispatcher.bodiesFor(fnArn('disabled'))).toHaveLength(0);
  });

  it('forwards to another bus of the emulator, whose rules then match', async () => {
    const dispatcher = new FakeDispatcher();
    const bus = busWith(dispatcher);
    const app = bus.createEventBus({ Name: 'app' });
    bus.createRule(
      { EventPattern: { source: ['stratum.todo'] }, Targets: [{ Id: 'bus', Arn: app.arn }] },
      'Forward',
    );
    bus.createRule(
      {
        EventBusName: 'app',
        EventPattern: { source: ['stratum.todo'] },
        Targets: [{ Id: 'fn', Arn: fnArn('on-app') }],
      },
      'OnApp',
    );
    const [first] = bus.putEvents([entry({ id: '1' })]).Entries;
    await bus.drain();
    expect(dispatcher.bodiesFor(fnArn('on-app'))).toEqual([
      expect.objectContaining({ id: first && 'EventId' in first ? first.EventId : '' }),
    ]);
  });

  it('reports every activity to observers and keeps the last N events', async () => {
    const bus = busWith(new FakeDispatcher(), { recentEventsCapacity: 2 });
    const seen: BusActivity['type'][] = [];
    const stop = bus.observe((activity) => seen.push(activity.type));
    bus.createRule(
      { EventPattern: { 'detail-type': ['TodoCreated'] }, Targets: [{ Id: 'fn', Arn: fnArn('a') }] },
      'R',
    );
    bus.putEvents([
      entry({ n: 1 }),
      entry({ n: 2 }, { DetailType: 'Other' }),
      entry({ n: 3 }, { DetailType: 'Other' }),
    ]);
    await bus.drain();
    expect(seen).toEqual([
      'event-accepted',
      'rule-matched',
      'event-accepted',
      'event-accepted',
      'delivery-succeeded',
    ]);
    expect(bus.recentEvents().map((event) => event.envelope.detail)).toEqual([{ n: 2 }, { n: 3 }]);
    stop();
    bus.putEvents([entry({ n: 4 })]);
    await bus.drain();
    expect(seen).toHaveLength(5);
  });

  it('refuses a rule with a bad pattern, naming the path, and lists every target problem', () => {
    const bus = busWith(new FakeDispatcher());
    expect(() =>
      bus.createRule({ EventPattern: { detail: { n: [{ numeric: ['>', 'x'] }] } }, Targets: [] }, 'Bad'),
    ).toThrow(/Rule Bad: EventPattern is not valid at \$\.detail\.n\[0\]\.numeric/);
    const error = (() => {
      try {
        bus.createRule(
          {
            EventPattern: { source: ['a'] },
            Targets: [
              { Id: 'x', Arn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:s' },
              { Id: 'y', Arn: fnArn('f'), Input: '{"a":1}', InputPath: '$.detail' },
              { Id: 'z', Arn: queueArn('q.fifo') },
            ],
          },
          'Many',
        );
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EventsDefinitionError);
    expect((error as EventsDefinitionError).problems).toEqual([
      'Targets[0].Arn: states targets are not emulated (supported: lambda, sqs, sns, events)',
      'Targets[1]: set at most one of Input, InputPath, InputTransformer (got Input, InputPath)',
      'Targets[2]: a FIFO queue target needs SqsParameters.MessageGroupId',
    ]);
    expect(() => bus.createRule({ EventBusName: 'nope', EventPattern: { source: ['a'] } }, 'R')).toThrow(
      /unknown event bus "nope"/,
    );
  });
});

describe('events from AWS services', () => {
  const envelope = (source: string) => ({
    version: '0' as const,
    id: 'e1',
    'detail-type': 'Object Created',
    source,
    account: '123456789012',
    time: '2026-01-01T00:00:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:s3:::media'],
    detail: { bucket: { name: 'media' } },
  });

  it('routes an aws.* event to the default bus, which PutEvents refuses from callers', async () => {
    const dispatcher = new FakeDispatcher();
    const bus = busWith(dispatcher);
    bus.createRule(
      {
        EventPattern: { source: ['aws.s3'], 'detail-type': ['Object Created'] },
        Targets: [{ Id: 'f', Arn: fnArn('s3') }],
      },
      'S3',
    );
    expect(bus.putEvents([entry({}, { Source: 'aws.s3' })]).FailedEntryCount).toBe(1);
    bus.putServiceEvent(envelope('aws.s3'));
    await bus.drain();
    expect(dispatcher.bodiesFor(fnArn('s3'))).toEqual([
      expect.objectContaining({ source: 'aws.s3', id: 'e1' }),
    ]);
  });

  it('refuses a service event whose source is not an AWS service', () => {
    const bus = busWith(new FakeDispatcher());
    expect(() => bus.putServiceEvent(envelope('stratum.todo'))).toThrow(/aws\.\*/);
  });
});
