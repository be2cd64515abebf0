import { EventSourceDefinitionError } from '../event-sources/errors.ts';
import { daysInMonth, instantOf, type WallClock, wallClockOf, weekdayOf } from './time-zone.ts';

/** A parsed AWS cron expression: `cron(minutes hours day-of-month month day-of-week year)`. */
export interface CronExpression {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: ReadonlySet<number>;
  readonly years: ReadonlySet<number>;
  readonly dayOfMonth: DayOfMonth | undefined;
  readonly dayOfWeek: DayOfWeek | undefined;
}

/** Day-of-month rules (`?` = undefined): plain days, `L` (last day), `nW` (nearest weekday), `LW`. */
interface DayOfMonth {
  readonly days: ReadonlySet<number>;
  readonly last: boolean;
  readonly lastWeekday: boolean;
  readonly nearestWeekday: readonly number[];
}

/** Day-of-week rules (`?` = undefined): plain days 1-7 (SUN-SAT), `nL` (last n of the month), `n#k` (k-th n). */
interface DayOfWeek {
  readonly days: ReadonlySet<number>;
  readonly lastOf: readonly number[];
  readonly nth: readonly { readonly day: number; readonly n: number }[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS = {
  minutes: { name: 'minutes', min: 0, max: 59 },
  hours: { name: 'hours', min: 0, max: 23 },
  dayOfMonth: { name: 'day-of-month', min: 1, max: 31 },
  month: { name: 'month', min: 1, max: 12, names: MONTHS },
  dayOfWeek: { name: 'day-of-week', min: 1, max: 7, names: DAYS },
  year: { name: 'year', min: 1970, max: 2199 },
} satisfies Record<string, FieldSpec>;

class CronSyntaxError extends Error {}

function value(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const number = named >= 0 ? named + spec.min : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(number) || number < spec.min || number > spec.max) {
    throw new CronSyntaxError(`${spec.name}: "${text}" is not from ${spec.min} to ${spec.max}`);
  }
  return number;
}

/** `*`, `a`, `a-b`, `*\/n`, `a/n`, `a-b/n`, comma lists. Ranges that wrap (`FRI-MON`) are allowed. */
function values(text: string, spec: FieldSpec): Set<number> {
  const result = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new CronSyntaxError(`${spec.name}: bad increment in "${item}"`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [spec.min, spec.max];
    else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [from, to] = [value(a, spec), value(b, spec)];
    } else {
      from = value(range, spec);
      to = stepText === undefined ? from : spec.max;
    }
    const span = to >= from ? to - from : to + (spec.max - spec.min + 1) - from;
    for (let offset = 0; offset <= span; offset += step) {
      result.add(((from - spec.min + offset) % (spec.max - spec.min + 1)) + spec.min);
    }
  }
  return result;
}

function dayOfMonth(text: string): DayOfMonth | undefined {
  if (text === '?') return undefined;
  const days = new Set<number>();
  const nearestWeekday: number[] = [];
  let last = false;
  let lastWeekday = false;
  for (const item of text.split(',')) {
    if (item === 'L') last = true;
    else if (item === 'LW') lastWeekday = true;
    else if (/^\d+W$/.test(item)) nearestWeekday.push(value(item.slice(0, -1), FIELDS.dayOfMonth));
    else for (const day of values(item, FIELDS.dayOfMonth)) days.add(day);
  }
  return { days, last, lastWeekday, nearestWeekday };
}

function dayOfWeek(text: string): DayOfWeek | undefined {
  if (text === '?') return undefined;
  const days = new Set<number>();
  const lastOf: number[] = [];
  const nth: { day: number; n: number }[] = [];
  for (const item of text.split(',')) {
    if (item === 'L') lastOf.push(7);
    else if (/^\w+L$/.test(item)) lastOf.push(value(item.slice(0, -1), FIELDS.dayOfWeek));
    else if (item.includes('#')) {
      const [day = '', n = ''] = item.split('#');
      const count = Number(n);
      if (!Number.isInteger(count) || count < 1 || count > 5)
        throw new CronSyntaxError(`day-of-week: "${item}" needs #1 to #5`);
      nth.push({ day: value(day, FIELDS.dayOfWeek), n: count });
    } else for (const day of values(item, FIELDS.dayOfWeek)) days.add(day);
  }
  return { days, lastOf, nth };
}

/**
 * Parses the inside of `cron(...)` as EventBridge Scheduler does: six fields; `, - * /` everywhere;
 * `?` in day-of-month or day-of-week (one of the two must be `?`); `L` and `W` in day-of-month; `L`
 * and `#` in day-of-week; month and day names.
 *
 * @throws EventSourceDefinitionError naming the field at fault
 */
export function parseCron(body: string, where: string): CronExpression {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new EventSourceDefinitionError(where, [
      `cron(${body}) needs 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`,
    ]);
  }
  const [minutes = '', hours = '', dom = '', month = '', dow = '', year = ''] = fields;
  try {
    if ((dom === '?') === (dow === '?')) {
      throw new CronSyntaxError('exactly one of day-of-month and day-of-week must be "?"');
    }
    const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
    return {
      minutes: sorted(values(minutes, FIELDS.minutes)),
      hours: sorted(values(hours, FIELDS.hours)),
      months: values(month, FIELDS.month),
      years: values(year, FIELDS.year),
      dayOfMonth: dayOfMonth(dom),
      dayOfWeek: dayOfWeek(dow),
    };
  } catch (error) {
    if (error instanceof CronSyntaxError)
      throw new EventSourceDefinitionError(where, [`cron(${body}): ${error.message}`]);
    throw error;
  }
}

function nearestWeekday(year: number, month: number, day: number): number {
  const length = daysInMonth(year, month);
  const target = Math.min(day, length);
  const weekday = weekdayOf(year, month, target);
  if (weekday === 7) return target === 1 ? 3 : target - 1; // Saturday → Friday, or Monday the 3rd
  if (weekday === 1) return target === length ? target - 2 : target + 1; // Sunday → Monday, or Friday
  return target;
}

function dayMatches(cron: CronExpression, year: number, month: number, day: number): boolean {
  const length = daysInMonth(year, month);
  const dom = cron.dayOfMonth;
  if (dom !== undefined) {
    return (
      dom.days.has(day) ||
      (dom.last && day === length) ||
      (dom.lastWeekday && day === nearestWeekday(year, month, length)) ||
      dom.nearestWeekday.some((wanted) => wanted <= length && nearestWeekday(year, month, wanted) === day)
    );
  }
  const dow = cron.dayOfWeek;
  if (dow === undefined) return false;
  const weekday = weekdayOf(year, month, day);
  return (
    dow.days.has(weekday) ||
    (dow.lastOf.includes(weekday) && day + 7 > length) ||
    dow.nth.some((rule) => rule.day === weekday && Math.ceil(day / 7) === rule.n)
  );
}

/** The first fire time strictly after `after`, in `timeZone`; undefined when the years run out. */
export function nextCronTime(cron: CronExpression, after: Date, timeZone: string): Date | undefined {
  const start = wallClockOf(after, timeZone);
  const lastYear = Math.max(...cron.years);
  let cursor = Date.UTC(start.year, start.month - 1, start.day);
  const dayMs = 86_400_000;
  // Back one day: a zone's wall-clock date may trail the instant's UTC date.
  for (cursor -= dayMs; ; cursor += dayMs) {
    const date = new Date(cursor);
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (year > lastYear) return undefined;
    if (!cron.years.has(year) || !cron.months.has(month) || !dayMatches(cron, year, month, day)) continue;
    for (const hour of cron.hours) {
      for (const minute of cron.minutes) {
        const wall: WallClock = { year, month, day, hour, minute, second: 0 };
        const instant = instantOf(wall, timeZone);
        if (instant.getTime() > after.getTime()) return instant;
      }
    }
  }
}
