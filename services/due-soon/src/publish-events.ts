import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type DomainEvent, toPutEventsEntry } from '@stratum/events';

/** PutEvents takes at most 10 entries per call. */
export const PUT_EVENTS_BATCH = 10;

export interface PublishOptions {
  readonly eventBridge: EventBridgeClient;
  readonly busName: string;
  /** Attempts per entry, the first included. @default 4 */
  readonly maxAttempts?: number;
  /** Delay before retry n (1-based). @default 100 ms × 2^(n-1), with jitter */
  readonly delay?: (retry: number) => Promise<void>;
}

export interface PublishFailure {
  readonly event: DomainEvent;
  readonly errorCode: string;
}

const backoff = (retry: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, 100 * 2 ** (retry - 1) * (0.5 + Math.random() / 2)));

/**
 * Publishes events in PutEvents calls of 10, retrying only the entries that failed (PutEvents is
 * not all-or-nothing: each entry reports its own ErrorCode) with exponential backoff. Returns the
 * entries that still failed after `maxAttempts`.
 */
export async function publishEvents(
  events: readonly DomainEvent[],
  options: PublishOptions,
): Promise<PublishFailure[]> {
  const maxAttempts = options.maxAttempts ?? 4;
  const delay = options.delay ?? backoff;
  const failures: PublishFailure[] = [];
  for (let start = 0; start < events.length; start += PUT_EVENTS_BATCH) {
    let pending = events.slice(start, start + PUT_EVENTS_BATCH).map((event) => ({ event, errorCode: '' }));
    for (let attempt = 1; pending.length > 0 && attempt <= maxAttempts; attempt += 1) {
      if (attempt > 1) await delay(attempt - 1);
      try {
        const { Entries = [] } = await options.eventBridge.send(
          new PutEventsCommand({
            Entries: pending.map(({ event }) => toPutEventsEntry(event, options.busName)),
          }),
        );
        pending = pending
          .map((entry, index) => ({ event: entry.event, errorCode: Entries[index]?.ErrorCode ?? '' }))
          .filter((entry) => entry.errorCode !== '');
      } catch (error) {
        // The whole call failed (after the SDK's own retries): every entry of it is retried.
        const code = error instanceof Error ? error.name : 'UnknownError';
        pending = pending.map(({ event }) => ({ event, errorCode: code }));
      }
    }
    failures.push(...pending);
  }
  return failures;
}
