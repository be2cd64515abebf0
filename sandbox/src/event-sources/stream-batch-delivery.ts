import { sleep } from './abortable-sleep.ts';
import { messageOf } from './poll-loop.ts';
import type { StreamRecord } from './stream-record.ts';

/** What the consumer made of a stream batch. `partial` names the first record that failed. */
export type StreamBatchOutcome =
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'partial'; readonly failedSequenceNumber: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** `MaximumRetryAttempts`, `MaximumRecordAgeInSeconds` (-1 = until the stream drops the record), bisection. */
export interface StreamRetryPolicy {
  readonly maximumRetryAttempts: number;
  readonly maximumRecordAgeSeconds: number;
  readonly bisectOnError: boolean;
}

/** Records given up on, for the on-failure destination. */
export interface DiscardedStreamBatch {
  readonly records: readonly StreamRecord[];
  readonly condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded';
  readonly reason: string;
  /** How many times the consumer saw these records. */
  readonly invocations: number;
}

export interface StreamBatchDeliveryDeps {
  readonly consume: (records: readonly StreamRecord[]) => Promise<StreamBatchOutcome>;
  readonly policy: StreamRetryPolicy;
  /** Pause before retry `attempt` (1, 2, ...). */
  readonly retryDelayMs: (attempt: number) => number;
  readonly signal: AbortSignal;
  /** Marks the stream position as done up to and including `record`. */
  readonly checkpoint: (record: StreamRecord) => void;
  readonly discard: (batch: DiscardedStreamBatch) => Promise<void>;
  readonly now?: () => number;
}

const last = (records: readonly StreamRecord[]) => records[records.length - 1];

/**
 * Delivers one batch of a shard as Lambda does, in order: retries a failed batch (with doubling
 * pauses) up to `MaximumRetryAttempts` or until its oldest record is older than
 * `MaximumRecordAgeInSeconds`; with `BisectBatchOnFunctionError` splits a failed batch in two and
 * delivers each half (splitting costs no retry); a partial failure checkpoints the records before
 * the reported one and retries from it. Exhausted records go to `discard` (the on-failure
 * destination) and the shard moves on. Returns false when stopped before the batch was done: the
 * checkpoint then still points before the undelivered records, so a restart delivers them again.
 */
export async function deliverStreamBatch(
  records: readonly StreamRecord[],
  deps: StreamBatchDeliveryDeps,
): Promise<boolean> {
  const now = deps.now ?? Date.now;
  const tooOld = (batch: readonly StreamRecord[]) => {
    const created = batch[0]?.dynamodb.ApproximateCreationDateTime;
    const limit = deps.policy.maximumRecordAgeSeconds;
    return limit !== -1 && created !== undefined && now() / 1000 - created > limit;
  };
  const consume = async (batch: readonly StreamRecord[]): Promise<StreamBatchOutcome> => {
    try {
      return await deps.consume(batch);
    } catch (error) {
      return { kind: 'failed', reason: messageOf(error) };
    }
  };

  const deliver = async (batch: readonly StreamRecord[], retriesSoFar: number): Promise<boolean> => {
    let pending = batch;
    let retries = retriesSoFar;
    let invocations = 0;
    while (!deps.signal.aborted) {
      const outcome = await consume(pending);
      invocations += 1;
      const done = last(pending);
      if (outcome.kind === 'succeeded') {
        if (done) deps.checkpoint(done);
        return true;
      }
      let reason: string;
      if (outcome.kind === 'partial') {
        const index = pending.findIndex(
          (record) => record.dynamodb.SequenceNumber === outcome.failedSequenceNumber,
        );
        const before = pending[index - 1];
        if (before) deps.checkpoint(before);
        if (index > 0) pending = pending.slice(index);
        reason = `record ${outcome.failedSequenceNumber} reported as failed`;
      } else reason = outcome.reason;

      const exhausted =
        deps.policy.maximumRetryAttempts !== -1 && retries >= deps.policy.maximumRetryAttempts;
      if (exhausted || tooOld(pending)) {
        const condition = exhausted ? 'RetryAttemptsExhausted' : 'RecordAgeExceeded';
        await deps.discard({ records: pending, condition, reason, invocations });
        const end = last(pending);
        if (end) deps.checkpoint(end);
        return true;
      }
      if (deps.policy.bisectOnError && outcome.kind === 'failed' && pending.length > 1) {
        const middle = Math.ceil(pending.length / 2);
        if (!(await deliver(pending.slice(0, middle), retries))) return false;
        return deliver(pending.slice(middle), retries);
      }
      retries += 1;
      await sleep(deps.retryDelayMs(retries), deps.signal);
    }
    return false;
  };

  return records.length === 0 ? true : deliver(records, 0);
}
