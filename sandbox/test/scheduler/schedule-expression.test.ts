import { describe, expect, it } from 'vitest';
import { nextScheduledTime, parseScheduleExpression } from '../../src/scheduler/index.ts';

const next = (expression: string, after: string, timeZone = 'UTC', anchor = after) =>
  nextScheduledTime(
    parseScheduleExpression(expression, timeZone, 'test'),
    new Date(after),
    new Date(anchor),
  )?.toISOString();

/** The next `count` fire times, each strictly after the previous. */
function series(expression: string, after: string, count: number, timeZone = 'UTC'): string[] {
  const parsed = parseScheduleExpression(expression, timeZone, 'test');
  const times: string[] = [];
  let cursor = new Date(after);
  for (let i = 0; i < count; i++) {
    const time = nextScheduledTime(parsed, cursor, new Date(after));
    if (time === undefined) break;
    times.push(time.toISOString());
    cursor = time;
  }
  return times;
}

describe('cron(...) next-fire computation', () => {
  it('handles fixed times, lists, ranges and increments', () => {
    expect(next('cron(0 10 * * ? *)', '2026-03-10T09:59:00Z')).toBe('2026-03-10T10:00:00.000Z');
    expect(next('cron(0 10 * * ? *)', '2026-03-10T10:00:00Z')).toBe('2026-03-11T10:00:00.000Z');
    expect(series('cron(0/15 * * * ? *)', '2026-03-10T10:07:00Z', 3)).toEqual([
      '2026-03-10T10:15:00.000Z',
      '2026-03-10T10:30:00.000Z',
      '2026-03-10T10:45:00.000Z',
    ]);
    expect(series('cron(0 8,17 ? * MON-FRI *)', '2026-03-13T18:00:00Z', 3)).toEqual([
      '2026-03-16T08:00:00.000Z', // Friday evening → Monday morning
      '2026-03-16T17:00:00.000Z',
      '2026-03-17T08:00:00.000Z',
    ]);
  });

  it('supports L, W and # as the AWS documentation lists them', () => {
    expect(next('cron(0 0 L * ? *)', '2026-02-01T00:00:00Z')).toBe('2026-02-28T00:00:00.000Z');
    expect(next('cron(0 0 L * ? *)', '2028-02-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z'); // leap year
    // 15 Aug 2026 is a Saturday: the nearest weekday is Friday the 14th.
    expect(next('cron(0 9 15W * ? *)', '2026-08-01T00:00:00Z')).toBe('2026-08-14T09:00:00.000Z');
    // 1 Aug 2026 is a Saturday: 1W does not cross into July, it moves to Monday the 3rd.
    expect(next('cron(0 9 1W * ? *)', '2026-07-31T00:00:00Z')).toBe('2026-08-03T09:00:00.000Z');
    // The last Friday of March 2026 is the 27th; the third Monday is the 16th.
    expect(next('cron(0 12 ? * 6L *)', '2026-03-01T00:00:00Z')).toBe('2026-03-27T12:00:00.000Z');
    expect(next('cron(0 12 ? * 2#3 *)', '2026-03-01T00:00:00Z')).toBe('2026-03-16T12:00:00.000Z');
    expect(next('cron(0 12 ? * MON#3 *)', '2026-03-17T00:00:00Z')).toBe('2026-04-20T12:00:00.000Z');
  });

  it('honours the year field and ends when it runs out', () => {
    expect(next('cron(0 0 1 JAN ? 2027-2028)', '2026-06-01T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('cron(0 0 1 JAN ? 2027)', '2027-01-01T00:00:00Z')).toBeUndefined();
  });

  it('computes in ScheduleExpressionTimezone, across daylight-saving changes', () => {
    // 09:00 in Paris is 08:00 UTC in winter and 07:00 UTC in summer (DST starts on 29 March 2026).
    expect(series('cron(0 9 * * ? *)', '2026-03-28T12:00:00Z', 2, 'Europe/Paris')).toEqual([
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(next('cron(0 9 * * ? *)', '2026-03-27T12:00:00Z', 'Europe/Paris')).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    // 02:30 does not exist on 29 March in Paris: it runs an hour later on the wall clock (01:30 UTC).
    expect(next('cron(30 2 * * ? *)', '2026-03-28T12:00:00Z', 'Europe/Paris')).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // Midnight in New York is 05:00 UTC in winter.
    expect(next('cron(0 0 * * ? *)', '2026-01-10T03:00:00Z', 'America/New_York')).toBe(
      '2026-01-10T05:00:00.000Z',
    );
  });

  it('refuses invalid expressions with the field at fault', () => {
    expect(() => parseScheduleExpression('cron(0 10 * * *)', 'UTC', 'S')).toThrow(/needs 6 fields/);
    expect(() => parseScheduleExpression('cron(0 10 * * MON *)', 'UTC', 'S')).toThrow(
      /exactly one of day-of-month and day-of-week must be "\?"/,
    );
    expect(() => parseScheduleExpression('cron(61 10 * * ? *)', 'UTC', 'S')).toThrow(
      /minutes: "61" is not from 0 to 59/,
    );
    expect(() => parseScheduleExpression('cron(0 10 ? * 2#6 *)', 'UTC', 'S')).toThrow(/#1 to #5/);
    expect(() => parseScheduleExpression('cron(0 10 * * ? *)', 'Mars/Olympus', 'S')).toThrow(
      /not a known time zone/,
    );
  });
});

describe('rate(...) and at(...)', () => {
  it('counts rates from the anchor and requires the right unit form', () => {
    expect(next('rate(5 minutes)', '2026-01-01T00:07:00Z', 'UTC', '2026-01-01T00:00:00Z')).toBe(
      '2026-01-01T00:10:00.000Z',
    );
    expect(next('rate(1 hour)', '2026-01-01T00:00:00Z')).toBe('2026-01-01T01:00:00.000Z');
    expect(next('rate(2 days)', '2026-01-01T00:00:00Z')).toBe('2026-01-03T00:00:00.000Z');
    expect(() => parseScheduleExpression('rate(1 minutes)', 'UTC', 'S')).toThrow(/singular unit for 1/);
    expect(() => parseScheduleExpression('rate(5 minute)', 'UTC', 'S')).toThrow(/plural unit/);
    expect(() => parseScheduleExpression('rate(0 minutes)', 'UTC', 'S')).toThrow(/positive value/);
  });

  it('fires a one-time schedule once, at its wall-clock time in its zone', () => {
    expect(next('at(2026-07-01T09:00:00)', '2026-06-01T00:00:00Z', 'Europe/Paris')).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(next('at(2026-07-01T09:00:00)', '2026-07-01T07:00:00Z', 'Europe/Paris')).toBeUndefined();
    expect(() => parseScheduleExpression('at(2026-13-01T09:00:00)', 'UTC', 'S')).toThrow(/not a valid date/);
  });
});
