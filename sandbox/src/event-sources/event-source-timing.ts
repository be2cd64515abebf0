import type { SqsPollerTiming } from './sqs-poller.ts';
import type { StreamPollerTiming } from './stream-poller.ts';

/** The pollers' clock. AWS's own figures by default; tests shorten them. */
export interface EventSourceTiming {
  /** `WaitTimeSeconds` of SQS long polls. @default 20 */
  readonly sqsWaitTimeSeconds: number;
  /** Pause between GetRecords calls on an idle stream. @default 250 */
  readonly streamPollIntervalMs: number;
  /** How often a stream's shard list is read again. @default 10_000 */
  readonly shardRefreshMs: number;
  /** First pause before retrying a failed stream batch; doubles. @default 1_000 */
  readonly retryDelayMs: number;
  /** First pause after an engine failure (engine down); doubles. @default 500 */
  readonly errorDelayMs: number;
  /** Longest pause of either back-off. @default 30_000 */
  readonly maxBackoffMs: number;
}

export const DEFAULT_EVENT_SOURCE_TIMING: EventSourceTiming = {
  sqsWaitTimeSeconds: 20,
  streamPollIntervalMs: 250,
  shardRefreshMs: 10_000,
  retryDelayMs: 1_000,
  errorDelayMs: 500,
  maxBackoffMs: 30_000,
};

export function sqsTiming(timing: EventSourceTiming): SqsPollerTiming {
  return {
    waitTimeSeconds: timing.sqsWaitTimeSeconds,
    idleDelayMs: 0,
    errorDelayMs: timing.errorDelayMs,
    maxBackoffMs: timing.maxBackoffMs,
  };
}

export function streamTiming(timing: EventSourceTiming): StreamPollerTiming {
  return {
    idleDelayMs: timing.streamPollIntervalMs,
    shardRefreshMs: timing.shardRefreshMs,
    retryDelayMs: timing.retryDelayMs,
    errorDelayMs: timing.errorDelayMs,
    maxBackoffMs: timing.maxBackoffMs,
  };
}
