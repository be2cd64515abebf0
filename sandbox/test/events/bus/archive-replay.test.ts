import { describe, expect, it } from 'vitest';
import { busWith, entry, FakeDispatcher, fnArn, queueArn } from './fake-dispatcher.ts';

describe('archives and replays', () => {
  it('archives matching events and replays a time window marked with replay-name, to rules only', async () => {
    let clock = new Date('2025-05-01T00:00:00Z');
    const dispatcher = new FakeDispatcher();
    const bus = busWith(dispatcher, { now: () => clock });
    const app = bus.createEventBus({ Name: 'app' });
    const archive = bus.createArchive(
      { SourceArn: app.arn, EventPattern: { 'detail-type': ['TodoCreated'] }, RetentionDays: 1 },
      'todos',
    );
    const rule = bus.createRule(
      {
        EventBusName: 'app',
        EventPattern: { source: ['stratum.todo'] },
        Targets: [{ Id: 'f', Arn: fnArn('f') }],
      },
      'R',
    );
    bus.createRule(
      {
        EventBusName: 'app',
        EventPattern: { source: ['stratum.todo'] },
        Targets: [{ Id: 'q', Arn: queueArn('other') }],
      },
      'Other',
    );
    bus.putEvents([
      entry({ n: 1 }, { EventBusName: 'app' }),
      entry({ n: 2 }, { EventBusName: 'app', DetailType: 'Skipped' }),
    ]);
    clock = new Date('2025-05-01T01:00:00Z');
    bus.putEvents([entry({ n: 3 }, { EventBusName: 'app' })]);
    await bus.drain();
    expect(archive.size).toBe(2);
    dispatcher.calls.length = 0;

    const replay = await bus.startReplay({
      ReplayName: 'first-hour',
      EventSourceArn: archive.arn,
      EventStartTime: new Date('2025-04-30T23:59:00Z'),
      EventEndTime: new Date('2025-05-01T00:30:00Z'),
      Destination: { Arn: app.arn, FilterArns: [rule.arn] },
    });
    await bus.drain();
    expect(replay).toMatchObject({ State: 'COMPLETED', EventCount: 1 });
    expect(dispatcher.calls.map((call) => call.arn)).toEqual([fnArn('f')]);
    expect(dispatcher.bodiesFor(fnArn('f'))).toEqual([
      expect.objectContaining({ detail: { n: 1 }, 'replay-name': 'first-hour' }),
    ]);
    expect(archive.size).toBe(2); // replayed events are not archived again

    clock = new Date('2025-05-02T00:30:00Z'); // past the 1-day retention of the first event
    const late = await bus.startReplay({
      ReplayName: 'all',
      EventSourceArn: archive.arn,
      EventStartTime: new Date(0),
      EventEndTime: clock,
      Destination: { Arn: app.arn },
    });
    expect(late.EventCount).toBe(1);
    await expect(
      bus.startReplay({
        ReplayName: 'all',
        EventSourceArn: archive.arn,
        EventStartTime: new Date(0),
        EventEndTime: clock,
        Destination: { Arn: app.arn },
      }),
    ).rejects.toThrow(/already exists/);
    await bus.drain();
  });

  it('refuses an archive on a bus that does not exist or with a bad pattern', () => {
    const bus = busWith(new FakeDispatcher());
    expect(() =>
      bus.createArchive({ SourceArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/none' }, 'a'),
    ).toThrow(/unknown event bus "none"/);
    expect(() =>
      bus.createArchive(
        {
          SourceArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/default',
          EventPattern: { source: 'x' },
        },
        'a',
      ),
    ).toThrow(/EventPattern is not valid at \$\.source/);
  });
});
