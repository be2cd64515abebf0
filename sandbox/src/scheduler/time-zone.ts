/** A wall-clock time in a time zone (month 1-12, weekday 1 = Sunday … 7 = Saturday, as AWS cron counts). */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the runtime knows an IANA time zone name (`Europe/Paris`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const asUtc = (wall: WallClock) =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

function offsetAt(epochMs: number, timeZone: string): number {
  return asUtc(wallClockOf(new Date(epochMs), timeZone)) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time designates in a zone. A time skipped by a daylight-saving jump is moved
 * forward by the jump (02:30 on a spring-forward night is 03:30); a repeated one takes its first
 * occurrence.
 */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const local = asUtc(wall);
  const first = local - offsetAt(local, timeZone);
  const second = local - offsetAt(first, timeZone);
  const earlier = Math.min(first, second);
  if (asUtc(wallClockOf(new Date(earlier), timeZone)) === local) return new Date(earlier);
  if (asUtc(wallClockOf(new Date(Math.max(first, second)), timeZone)) === local)
    return new Date(Math.max(first, second));
  return new Date(Math.max(first, second));
}

/** Day of the week of a calendar date, 1 = Sunday … 7 = Saturday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
