import { describe, expect, it } from 'vitest';
import { PutEventsValidationError } from '../../../src/events/bus/index.ts';
import { busWith, entry, FakeDispatcher } from './fake-dispatcher.ts';

describe('putEvents', () => {
  it('fails bad entries one by one with EventBridge error codes', () => {
    const bus = busWith(new FakeDispatcher());
    const result = bus.putEvents([
      entry({ ok: true }),
      { DetailType: 'x', Detail: '{}' },
      { Source: 's', Detail: '{}' },
      { Source: 's', DetailType: 'x' },
      entry({}, { Detail: '[1,2]' }),
      entry({}, { Detail: '{not json' }),
      entry({}, { Source: 'aws.s3' }),
      entry({}, { EventBusName: 'missing' }),
      entry({}, { Time: 'yesterday' }),
      entry({}, { EventBusName: 'arn:aws:sqs:eu-west-1:123456789012:q' }),
    ]);
    expect(result.FailedEntryCount).toBe(9);
    expect(result.Entries[0]).toEqual({ EventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(
      result.Entries.slice(1).map((e) => ('ErrorCode' in e ? `${e.ErrorCode}: ${e.ErrorMessage}` : 'ok')),
    ).toEqual([
      'InvalidArgument: Parameter Source is not valid. Reason: Source is a required argument.',
      'InvalidArgument: Parameter DetailType is not valid. Reason: DetailType is a required argument.',
      'InvalidArgument: Parameter Detail is not valid. Reason: Detail is a required argument.',
      'MalformedDetail: Detail is malformed.',
      'MalformedDetail: Detail is malformed.',
      'NotAuthorizedForSourceException: Not authorized for the source.',
      'InvalidArgument: Event bus missing does not exist.',
      'InvalidArgument: Parameter Time is not valid. Reason: yesterday is not a timestamp.',
      'InvalidArgument: Parameter EventBusName is not valid. Reason: arn:aws:sqs:eu-west-1:123456789012:q is not an event bus ARN.',
    ]);
    expect(bus.recentEvents()).toHaveLength(1);
  });

  it('uses the given Time (epoch seconds or Date) without milliseconds', () => {
    const bus = busWith(new FakeDispatcher());
    bus.putEvents([
      entry({}, { Time: 1_700_000_000.9 }),
      entry({}, { Time: new Date('2025-01-02T03:04:05.678Z') }),
    ]);
    expect(bus.recentEvents().map((e) => e.envelope.time)).toEqual([
      '2023-11-14T22:13:20Z',
      '2025-01-02T03:04:05Z',
    ]);
  });

  it('refuses whole requests of 0 or 11 entries, or over 256 KB', () => {
    const bus = busWith(new FakeDispatcher());
    expect(() => bus.putEvents([])).toThrow(PutEventsValidationError);
    expect(() => bus.putEvents(Array.from({ length: 11 }, () => entry({})))).toThrow(
      /less than or equal to 10/,
    );
    const big = JSON.stringify({ text: 'x'.repeat(256 * 1024) });
    expect(() => bus.putEvents([entry({}, { Detail: big })])).toThrow(/over the limit/);
    const fits = JSON.stringify({ text: 'x'.repeat(256 * 1024 - 100) });
    expect(bus.putEvents([entry({}, { Detail: fits })]).FailedEntryCount).toBe(0);
  });
});
