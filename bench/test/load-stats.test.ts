import { describe, expect, it } from 'vitest';
import { runLoad } from '../src/load-loop.ts';
import { median, percentile, summarizeLoad } from '../src/load-stats.ts';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('returns a sample that exists, with p% of the samples at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 1)).toBe(1);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([10, 20], 99)).toBe(20);
    expect(percentile([7], 99)).toBe(7);
  });

  it('leaves the samples unsorted', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow(/0 < p/);
    expect(() => percentile([1], 101)).toThrow(/0 < p/);
  });
});

describe('median', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no samples/);
  });
});

describe('summarizeLoad', () => {
  it('counts successful requests per second of the window and keeps errors apart', () => {
    const summary = summarizeLoad([10, 20, 30, 40], 3, 2_000);
    expect(summary).toEqual({
      requests: 4,
      errors: 3,
      p50Ms: 20,
      p99Ms: 40,
      meanMs: 25,
      throughput: 2,
      durationMs: 2_000,
    });
  });

  it('refuses a window where nothing succeeded or that did not last', () => {
    expect(() => summarizeLoad([], 5, 1_000)).toThrow(/no request succeeded .* \(5 errors\)/);
    expect(() => summarizeLoad([1], 0, 0)).toThrow(/> 0 ms/);
  });
});

describe('runLoad', () => {
  it('keeps the concurrency in flight and measures only after the warm-up', async () => {
    let inFlight = 0;
    let peak = 0;
    const result = await runLoad({
      concurrency: 4,
      warmupMs: 50,
      durationMs: 200,
      call: async (index) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight--;
        if (index % 10 === 9) throw new Error(`failure ${index}`);
      },
    });
    expect(peak).toBe(4);
    expect(result.p50Ms).toBeGreaterThanOrEqual(9);
    expect(result.durationMs).toBeGreaterThanOrEqual(200);
    // 4 loops of ~10 ms calls for ~200 ms: ~80 calls, one in ten failing.
    expect(result.requests + result.errors).toBeGreaterThan(40);
    expect(result.requests + result.errors).toBeLessThanOrEqual(4 * 21);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.firstError).toMatch(/^failure \d*9$/);
    expect(result.throughput).toBeCloseTo(result.requests / (result.durationMs / 1000), 6);
  });
});
