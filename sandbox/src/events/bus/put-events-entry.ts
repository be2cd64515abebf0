import { randomUUID } from 'node:crypto';
import { PutEventsValidationError } from './errors.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { eventTime } from './event-envelope.ts';
import { busNameOf, type EventsLocation } from './events-arn.ts';

/** One `PutEventsRequestEntry`. `Time` is a `Date`, epoch seconds (the wire format) or ISO text. */
export interface PutEventsRequestEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly EventBusName?: string;
  readonly Time?: Date | number | string;
  readonly Resources?: readonly string[];
  readonly TraceHeader?: string;
}

export type PutEventsResultEntry =
  | { readonly EventId: string }
  | { readonly ErrorCode: string; readonly ErrorMessage: string };

export interface PutEventsResult {
  readonly FailedEntryCount: number;
  readonly Entries: readonly PutEventsResultEntry[];
}

/** PutEvents limits (EventBridge quotas). */
export const MAX_ENTRIES = 10;
export const MAX_REQUEST_BYTES = 256 * 1024;
const MAX_SOURCE_LENGTH = 256;
const MAX_DETAIL_TYPE_LENGTH = 128;
/** A `Time` counts as 14 bytes in EventBridge's entry size, whatever its encoding. */
const TIME_BYTES = 14;

/** An entry EventBridge accepts: the envelope to route and the bus to route it on. */
export interface ValidEntry {
  readonly busName: string;
  readonly envelope: EventEnvelope;
}

export type EntryVerdict = { readonly ok: true; readonly entry: ValidEntry } | EntryFailure;
export interface EntryFailure {
  readonly ok: false;
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

function invalid(parameter: string, reason: string): EntryFailure {
  return {
    ok: false,
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${reason}`,
  };
}

/** EventBridge's size of an entry: Time, Source, DetailType, Detail and Resources, in UTF-8 bytes. */
export function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time === undefined ? 0 : TIME_BYTES;
  for (const text of [entry.Source, entry.DetailType, entry.Detail, ...(entry.Resources ?? [])]) {
    if (typeof text === 'string') size += Buffer.byteLength(text, 'utf8');
  }
  return size;
}

/** Refuses the whole request the way EventBridge does (ValidationException) before any entry runs. */
export function assertRequestShape(entries: readonly PutEventsRequestEntry[]): void {
  if (entries.length < 1 || entries.length > MAX_ENTRIES) {
    throw new PutEventsValidationError(
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES} and greater than or equal to 1 (got ${entries.length})`,
    );
  }
  const total = entries.reduce((sum, entry) => sum + entrySize(entry), 0);
  if (total > MAX_REQUEST_BYTES) {
    throw new PutEventsValidationError(
      `Total size of the entries in the request is over the limit: ${total} bytes > ${MAX_REQUEST_BYTES}`,
    );
  }
}

function parseTime(time: Date | number | string): Date | undefined {
  const date =
    time instanceof Date ? time : typeof time === 'number' ? new Date(time * 1000) : new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function parseDetail(detail: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export interface EntryContext {
  readonly location: EventsLocation;
  readonly busExists: (busName: string) => boolean;
  readonly now: () => Date;
}

/**
 * Validates one entry as PutEvents does and builds its envelope; a bad entry fails alone, with
 * EventBridge's error code. Unlike EventBridge (which historically accepted events for a bus that
 * does not exist and dropped them), the sandbox refuses them: a typo in a bus name is loud.
 */
export function checkEntry(entry: PutEventsRequestEntry, context: EntryContext): EntryVerdict {
  const { Source: source, DetailType: detailType, Detail: detailText } = entry;
  if (typeof source !== 'string' || source === '') return invalid('Source', 'Source is a required argument.');
  if (typeof detailType !== 'string' || detailType === '') {
    return invalid('DetailType', 'DetailType is a required argument.');
  }
  if (typeof detailText !== 'string' || detailText === '') {
    return invalid('Detail', 'Detail is a required argument.');
  }
  if (source.length > MAX_SOURCE_LENGTH)
    return invalid('Source', `longer than ${MAX_SOURCE_LENGTH} characters.`);
  if (detailType.length > MAX_DETAIL_TYPE_LENGTH) {
    return invalid('DetailType', `longer than ${MAX_DETAIL_TYPE_LENGTH} characters.`);
  }
  if (source.startsWith('aws.')) {
    return {
      ok: false,
      ErrorCode: 'NotAuthorizedForSourceException',
      ErrorMessage: 'Not authorized for the source.',
    };
  }
  const detail = parseDetail(detailText);
  if (detail === undefined)
    return { ok: false, ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  const busName = busNameOf(entry.EventBusName ?? 'default');
  if (busName === undefined) return invalid('EventBusName', `${entry.EventBusName} is not an event bus ARN.`);
  if (!context.busExists(busName)) {
    return { ok: false, ErrorCode: 'InvalidArgument', ErrorMessage: `Event bus ${busName} does not exist.` };
  }
  const resources = entry.Resources ?? [];
  if (!Array.isArray(resources) || resources.some((resource) => typeof resource !== 'string')) {
    return invalid('Resources', 'Resources must be a list of strings.');
  }
  const time = entry.Time === undefined ? context.now() : parseTime(entry.Time);
  if (time === undefined) return invalid('Time', `${String(entry.Time)} is not a timestamp.`);
  return {
    ok: true,
    entry: {
      busName,
      envelope: {
        version: '0',
        id: randomUUID(),
        'detail-type': detailType,
        source,
        account: context.location.account,
        time: eventTime(time),
        region: context.location.region,
        resources: [...resources],
        detail,
      },
    },
  };
}
