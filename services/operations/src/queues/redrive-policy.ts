import type { DeadLetterSourceKind } from './dead-letter-queue-list.ts';

export type RedriveMode = 'MOVE_TO_SOURCE' | 'REINVOKE_FUNCTION' | 'NONE';

export interface RedrivePolicy {
  readonly mode: RedriveMode;
  readonly explanation: string;
}

/**
 * What "redrive" means for each kind of dead-letter queue. The choice follows from what the
 * messages are and who would receive them again:
 *
 * - `sqs-queue`: the messages are the queue's own (moved after maxReceiveCount) or events a rule
 *   could not deliver to it; both are what the queue's consumer expects. SQS moves them back with
 *   a message move task, server side, at its own pace. The destination is always the source
 *   queue named by infra (never "each message's origin"), so events sent straight to the DLQ by
 *   EventBridge also go to the consumer.
 * - `lambda-async`: the messages are Lambda on-failure records (`requestPayload` = the original
 *   event) or events EventBridge could not deliver (the body is the event). Re-putting them on the
 *   bus would deliver them to EVERY rule again, under a new event id (more e-mails, counted
 *   twice); invoking only the function that failed, with the original event and its id, reaches
 *   the one consumer that missed it, and its idempotency (event id) makes a repeat harmless.
 * - `pipe`: the pipe records a failed batch as its stream position (shard, sequence numbers),
 *   not the records: there is nothing to re-send, and the stream keeps records 24 hours only.
 * - `scheduled-job`: a failed run is superseded by the next scheduled run, which reads the
 *   current state; repeating an old run adds nothing.
 */
export function redrivePolicyOf(kind: DeadLetterSourceKind): RedrivePolicy {
  switch (kind) {
    case 'sqs-queue':
      return {
        mode: 'MOVE_TO_SOURCE',
        explanation: 'An SQS message move task puts every message back on the source queue, oldest first.',
      };
    case 'lambda-async':
      return {
        mode: 'REINVOKE_FUNCTION',
        explanation:
          'Each original event is sent again to the function that failed (asynchronous Invoke, same event id), then deleted from the queue; other consumers of the bus are not involved.',
      };
    case 'pipe':
      return {
        mode: 'NONE',
        explanation:
          'These messages describe failed stream batches (shard and sequence numbers), not the records themselves; there is nothing to re-send. Read them to find the items, fix the cause, and touch the items to emit their events again.',
      };
    case 'scheduled-job':
      return {
        mode: 'NONE',
        explanation:
          'These are failed runs of a scheduled job; the next run reads the current state and covers them. Read them to find the cause, then delete them from the console.',
      };
  }
}
