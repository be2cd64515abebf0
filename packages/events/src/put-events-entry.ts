import type { DomainEvent } from './catalog.ts';
import { EventsError } from './errors.ts';

/** EventBridge's limit for one PutEvents entry (all of its fields, UTF-8). */
export const MAX_ENTRY_BYTES = 256 * 1024;

/** A PutEvents request entry; structurally the SDK's `PutEventsRequestEntry`. */
export interface PutEventsEntry {
  readonly EventBusName: string;
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: string;
  readonly Time: Date;
}

/**
 * The PutEvents entry that publishes `event` on `busName`: `Source` and `DetailType` from the
 * catalogue, `Detail` the JSON of the detail, `Time` its `occurredAt`.
 *
 * @example
 * await eventBridge.send(new PutEventsCommand({ Entries: events.map((e) => toPutEventsEntry(e, bus)) }));
 */
export function toPutEventsEntry(event: DomainEvent, busName: string): PutEventsEntry {
  const entry: PutEventsEntry = {
    EventBusName: busName,
    Source: event.source,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
    Time: new Date(event.detail.occurredAt),
  };
  const bytes =
    Buffer.byteLength(entry.Source) + Buffer.byteLength(entry.DetailType) + Buffer.byteLength(entry.Detail);
  if (bytes > MAX_ENTRY_BYTES) {
    throw new EventsError(
      `${event.detailType} ${event.detail.eventId} is ${bytes} bytes, over EventBridge's ${MAX_ENTRY_BYTES}`,
    );
  }
  return entry;
}
