import { createHash } from 'node:crypto';

/**
 * A stable event id from the facts that identify an event (e.g. the stream record's `eventID`
 * and the event name, or tenant + todo + due date). The same facts always give the same id, so a
 * retried or replayed event carries the id it had the first time and consumers can dedupe on it.
 * 32 hex characters (128 bits of SHA-256): collisions are not a practical concern.
 */
export function deterministicEventId(...facts: readonly string[]): string {
  return createHash('sha256').update(facts.join('\u0000')).digest('hex').slice(0, 32);
}
