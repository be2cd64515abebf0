import { type LoadSummary, summarizeLoad } from './load-stats.ts';

export interface LoadOptions {
  /** Requests in flight at any time (one loop per connection). */
  readonly concurrency: number;
  /** Unmeasured load first: JIT, connection pools, the engines' caches. */
  readonly warmupMs: number;
  readonly durationMs: number;
  /** One request; rejects when the answer is wrong (counted as an error, not a latency). */
  readonly call: (index: number) => Promise<void>;
  /** Called as the measured window opens and once its last request has answered. */
  readonly onWindow?: (edge: 'open' | 'close') => void;
}

/**
 * Closed-loop load: `concurrency` loops each send the next request as soon as the previous answered,
 * first for the warm-up, then for the measured window. A request counts when it started inside the
 * window; the window ends when the last of them has answered, so no in-flight work is dropped.
 */
export async function runLoad(options: LoadOptions): Promise<LoadSummary & { firstError?: string }> {
  let index = 0;
  const phase = async (ms: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    const started = performance.now();
    const deadline = started + ms;
    const loop = async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        try {
          await options.call(index++);
          if (record) latencies.push(performance.now() - sent);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, loop));
    return { latencies, errors, firstError, durationMs: performance.now() - started };
  };
  await phase(options.warmupMs, false);
  options.onWindow?.('open');
  const measured = await phase(options.durationMs, true);
  options.onWindow?.('close');
  return {
    ...summarizeLoad(measured.latencies, measured.errors, measured.durationMs),
    ...(measured.firstError !== undefined && { firstError: measured.firstError }),
  };
}
