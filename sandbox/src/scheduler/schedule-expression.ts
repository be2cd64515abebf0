import { EventSourceDefinitionError } from '../event-sources/errors.ts';
import { type CronExpression, nextCronTime, parseCron } from './cron-expression.ts';
import { instantOf, isTimeZone } from './time-zone.ts';

/** A parsed `ScheduleExpression`. */
export type ScheduleExpression =
  | { readonly kind: 'at'; readonly text: string; readonly at: Date }
  | { readonly kind: 'rate'; readonly text: string; readonly intervalMs: number }
  | {
      readonly kind: 'cron';
      readonly text: string;
      readonly cron: CronExpression;
      readonly timeZone: string;
    };

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const CRON = /^cron\((.*)\)$/;
const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * Parses `at(yyyy-mm-ddThh:mm:ss)` (wall-clock time in `timeZone`), `rate(n unit)` (singular unit for 1,
 * plural otherwise, as Scheduler requires) and `cron(...)`.
 *
 * @throws EventSourceDefinitionError
 */
export function parseScheduleExpression(text: unknown, timeZone: string, where: string): ScheduleExpression {
  if (typeof text !== 'string')
    throw new EventSourceDefinitionError(where, ['ScheduleExpression is required']);
  if (!isTimeZone(timeZone))
    throw new EventSourceDefinitionError(where, [
      `ScheduleExpressionTimezone "${timeZone}" is not a known time zone`,
    ]);
  const rate = RATE.exec(text);
  if (rate !== null) {
    const count = Number(rate[1]);
    const unit = rate[2] ?? '';
    const singular = !unit.endsWith('s');
    if (count < 1 || (count === 1) !== singular) {
      throw new EventSourceDefinitionError(where, [
        `${text}: use a positive value with a singular unit for 1 and a plural unit otherwise`,
      ]);
    }
    const base = (singular ? unit : unit.slice(0, -1)) as keyof typeof UNIT_MS;
    return { kind: 'rate', text, intervalMs: count * UNIT_MS[base] };
  }
  const at = AT.exec(text);
  if (at !== null) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      throw new EventSourceDefinitionError(where, [`${text} is not a valid date and time`]);
    }
    return { kind: 'at', text, at: instantOf({ year, month, day, hour, minute, second }, timeZone) };
  }
  const cron = CRON.exec(text);
  if (cron !== null) return { kind: 'cron', text, cron: parseCron(cron[1] ?? '', where), timeZone };
  throw new EventSourceDefinitionError(where, [
    `ScheduleExpression "${text}" must be at(...), rate(...) or cron(...)`,
  ]);
}

/**
 * The first scheduled time strictly after `after`. A rate counts from `anchor` (the schedule's start
 * date, or when it was created); a one-time schedule has no time after its own.
 */
export function nextScheduledTime(
  expression: ScheduleExpression,
  after: Date,
  anchor: Date,
): Date | undefined {
  switch (expression.kind) {
    case 'at':
      return expression.at.getTime() > after.getTime() ? expression.at : undefined;
    case 'rate': {
      const elapsed = after.getTime() - anchor.getTime();
      const periods = elapsed < 0 ? 1 : Math.floor(elapsed / expression.intervalMs) + 1;
      return new Date(anchor.getTime() + periods * expression.intervalMs);
    }
    case 'cron':
      return nextCronTime(expression.cron, after, expression.timeZone);
  }
}
