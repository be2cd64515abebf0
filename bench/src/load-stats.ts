/** The latency and throughput figures of one load phase, from its raw samples. */
export interface LoadSummary {
  /** Requests that succeeded inside the measured window. */
  readonly requests: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  /** Successful requests per second of the measured window. */
  readonly throughput: number;
  readonly durationMs: number;
}

/**
 * The nearest-rank percentile (the smallest sample with at least `p`% of the samples at or below it),
 * so that a reported p99 is a latency some request really had.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples: a percentile of nothing is undefined');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile expects 0 < p ≤ 100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] as number;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('no samples: a median of nothing is undefined');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** Summarizes the latencies of the successful requests of a window that lasted `durationMs`. */
export function summarizeLoad(
  latenciesMs: readonly number[],
  errors: number,
  durationMs: number,
): LoadSummary {
  if (!(durationMs > 0)) throw new Error(`the measured window must last > 0 ms, got ${durationMs}`);
  if (latenciesMs.length === 0) {
    throw new Error(`no request succeeded in ${durationMs.toFixed(0)} ms (${errors} errors)`);
  }
  return {
    requests: latenciesMs.length,
    errors,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
    meanMs: latenciesMs.reduce((sum, value) => sum + value, 0) / latenciesMs.length,
    throughput: latenciesMs.length / (durationMs / 1000),
    durationMs,
  };
}
