import type { BusEvent } from './event-envelope.ts';

/** What happened on the buses, in order, for the sandbox console ("events on the bus"). */
export type BusActivity =
  | { readonly type: 'event-accepted'; readonly event: BusEvent }
  | { readonly type: 'rule-matched'; readonly event: BusEvent; readonly ruleArn: string }
  | {
      readonly type: 'delivery-succeeded';
      readonly event: BusEvent;
      readonly ruleArn: string;
      readonly targetArn: string;
      readonly attempts: number;
    }
  | {
      readonly type: 'delivery-failed';
      readonly event: BusEvent;
      readonly ruleArn: string;
      readonly targetArn: string;
      readonly attempts: number;
      readonly errorCode: string;
      readonly errorMessage: string;
      /** Where the event went: the DLQ ARN, or `dropped` when there is none (or the DLQ refused it). */
      readonly outcome: { readonly deadLetterArn: string } | 'dropped';
    };

/** Receives every activity synchronously; it must not throw (errors are swallowed and ignored). */
export type BusObserver = (activity: BusActivity) => void;

/** The last `capacity` accepted events, oldest first: what the console lists. */
export class RecentEvents {
  readonly #events: BusEvent[] = [];
  constructor(readonly capacity: number) {}

  add(event: BusEvent): void {
    this.#events.push(event);
    if (this.#events.length > this.capacity) this.#events.splice(0, this.#events.length - this.capacity);
  }

  list(): readonly BusEvent[] {
    return [...this.#events];
  }
}
