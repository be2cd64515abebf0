/**
 * When to try a failed target again. EventBridge retries "with exponential back-off and jitter";
 * the sandbox uses the same doubling without jitter, so runs are reproducible: 1 s, 2 s, 4 s ...
 * capped at 3 minutes, the whole schedule multiplied by `timeFactor` (tests use ~0.001).
 */
export interface RetrySchedule {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Real time = simulated time × timeFactor. 1 in the sandbox; small in tests. */
  readonly timeFactor: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  baseDelayMs: 1_000,
  maxDelayMs: 180_000,
  timeFactor: 1,
};

/** The simulated delay before retry number `retry` (0 for the first retry). */
export function retryDelayMs(schedule: RetrySchedule, retry: number): number {
  return Math.min(schedule.baseDelayMs * 2 ** Math.min(retry, 30), schedule.maxDelayMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
