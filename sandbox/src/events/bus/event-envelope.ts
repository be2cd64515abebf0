/**
 * An event as EventBridge delivers it to rules and targets, fields in EventBridge's order.
 * Replayed events carry `replay-name` (last), which archives use to skip them.
 */
export interface EventEnvelope {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  /** ISO 8601 in UTC without milliseconds, e.g. `2025-01-31T12:00:00Z`. */
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Readonly<Record<string, unknown>>;
  readonly 'replay-name'?: string;
}

/** An event accepted onto a bus: its envelope, the bus, and when EventBridge received it. */
export interface BusEvent {
  readonly envelope: EventEnvelope;
  readonly busName: string;
  readonly ingestionTime: Date;
}

/** EventBridge's `time` format: whole seconds, `Z` suffix. */
export function eventTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The envelope with `replay-name` set, for an archived event sent again by a replay. */
export function asReplayed(envelope: EventEnvelope, replayName: string): EventEnvelope {
  const { 'replay-name': _previous, ...rest } = envelope;
  return { ...rest, 'replay-name': replayName };
}
