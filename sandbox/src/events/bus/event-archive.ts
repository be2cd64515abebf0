import { type CompiledPattern, compilePattern, EventPatternError, matches } from '../pattern/index.ts';
import { EventsDefinitionError } from './errors.ts';
import type { BusEvent, EventEnvelope } from './event-envelope.ts';
import { archiveArn, busNameOf, type EventsLocation } from './events-arn.ts';

export interface ArchivedEvent {
  readonly envelope: EventEnvelope;
  readonly archivedAt: Date;
}

const ARCHIVE_NAME = /^[.\-_A-Za-z0-9]{1,48}$/;
const DAY_MS = 86_400_000;

/**
 * An `AWS::Events::Archive`: keeps the events of its bus that match its pattern (all of them
 * without one), for `RetentionDays` (0 = forever). Replayed events are never archived again.
 */
export class EventArchive {
  readonly #events: ArchivedEvent[] = [];

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly busName: string,
    readonly pattern: CompiledPattern | undefined,
    readonly retentionDays: number,
  ) {}

  /** Archives the event if it belongs here; returns whether it did. */
  offer(event: BusEvent): boolean {
    if (event.busName !== this.busName || event.envelope['replay-name'] !== undefined) return false;
    if (this.pattern !== undefined && !matches(this.pattern, event.envelope)) return false;
    this.#events.push({ envelope: event.envelope, archivedAt: event.ingestionTime });
    return true;
  }

  /** Events archived in `[start, end]`, oldest first, after dropping those past retention. */
  eventsBetween(start: Date, end: Date, now: Date): readonly ArchivedEvent[] {
    if (this.retentionDays > 0) {
      const oldest = now.getTime() - this.retentionDays * DAY_MS;
      const kept = this.#events.filter((event) => event.archivedAt.getTime() >= oldest);
      this.#events.splice(0, this.#events.length, ...kept);
    }
    return this.#events.filter(
      (event) => event.archivedAt.getTime() >= start.getTime() && event.archivedAt.getTime() <= end.getTime(),
    );
  }

  get size(): number {
    return this.#events.length;
  }
}

/** Reads the resolved properties of an `AWS::Events::Archive`, failing once with every problem. */
export function readEventArchive(
  properties: Readonly<Record<string, unknown>>,
  defaultName: string,
  location: EventsLocation,
): EventArchive {
  const problems: string[] = [];
  const name = typeof properties.ArchiveName === 'string' ? properties.ArchiveName : defaultName;
  if (!ARCHIVE_NAME.test(name)) problems.push(`ArchiveName "${name}" must be 1-48 of [.-_A-Za-z0-9]`);
  const source = properties.SourceArn;
  const busName = typeof source === 'string' && source.startsWith('arn:') ? busNameOf(source) : undefined;
  if (busName === undefined) problems.push('SourceArn must be the ARN of an event bus');
  let pattern: CompiledPattern | undefined;
  if (properties.EventPattern !== undefined) {
    try {
      pattern = compilePattern(properties.EventPattern);
    } catch (error) {
      if (!(error instanceof EventPatternError)) throw error;
      problems.push(`EventPattern is not valid at ${error.path}: ${error.reason}`);
    }
  }
  const retention = properties.RetentionDays ?? 0;
  const retentionDays = typeof retention === 'string' ? Number(retention) : retention;
  if (typeof retentionDays !== 'number' || !Number.isInteger(retentionDays) || retentionDays < 0) {
    problems.push('RetentionDays must be a whole number of days, 0 to keep events forever');
  }
  if (problems.length > 0 || busName === undefined)
    throw new EventsDefinitionError(`Archive ${name}`, problems);
  return new EventArchive(name, archiveArn(location, name), busName, pattern, retentionDays as number);
}
