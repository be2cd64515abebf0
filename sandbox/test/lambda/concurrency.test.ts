import { afterAll, describe, expect, it } from 'vitest';
import { FunctionThrottledError, LambdaRunner } from '../../src/lambda/index.ts';
import { HandlerFixtures, isRunning, parsed } from './handler-fixtures.ts';

const fixtures = new HandlerFixtures();
afterAll(() => fixtures.remove());

/** Sleeps `event.sleepMs`, exits the process on `event.crash`, and says which process it ran in and when. */
const SLEEPER = `export const handler = async (event) => {
  const started = Date.now();
  if (event.crash) setTimeout(() => process.exit(7), 50);
  await new Promise((resolve) => setTimeout(resolve, event.sleepMs ?? 0));
  return { pid: process.pid, started, ended: Date.now() };
};`;

interface Reply {
  pid: number;
  started: number;
  ended: number;
}

const codeDir = fixtures.codeDir('sleeper', { 'index.mjs': SLEEPER });
const base = { handler: 'index.handler', runtime: 'nodejs22.x', codeDir };

function runnerWith(maxEnvironmentsPerFunction: number, idleTimeoutMs = 60_000): LambdaRunner {
  return new LambdaRunner({
    region: 'eu-west-1',
    accountId: '123456789012',
    concurrency: { maxEnvironmentsPerFunction, idleTimeoutMs },
  });
}

/** The most invocations whose [started, ended] intervals overlap at one instant. */
function peakOverlap(replies: readonly Reply[]): number {
  const edges = replies.flatMap((r) => [
    { at: r.started, delta: 1 },
    { at: r.ended, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  for (const edge of edges) {
    current += edge.delta;
    peak = Math.max(peak, current);
  }
  return peak;
}

describe('execution environments per function', () => {
  it('runs concurrent invocations in parallel environments, then reuses the warm ones', async () => {
    const runner = runnerWith(4);
    runner.deploy({ ...base, functionName: 'parallel' });
    // Warm the environments first, so the timing below measures the pool rather than four cold starts.
    await Promise.all([1, 2, 3, 4].map(() => runner.invoke('parallel', { event: { sleepMs: 300 } })));
    expect(runner.concurrencyOf('parallel')).toEqual({ busy: 0, idle: 4, limit: 4 });

    const started = Date.now();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => runner.invoke('parallel', { event: { sleepMs: 400 } })),
    );
    const elapsed = Date.now() - started;
    const replies = results.map((result) => parsed<Reply>(result));

    expect(results.every((result) => result.initDurationMs === undefined)).toBe(true);
    expect(new Set(replies.map((reply) => reply.pid)).size).toBe(4);
    expect(peakOverlap(replies)).toBe(4);
    // Four sleeps of 400 ms in about one sleep, where one environment would take 1.6 s.
    expect(elapsed).toBeLessThan(1000);
    await runner.close();
  });

  it('never runs more environments than the cap or the reserved concurrency; the rest wait in order', async () => {
    const runner = runnerWith(3);
    runner.deploy({ ...base, functionName: 'capped' });
    runner.deploy({ ...base, functionName: 'reserved', reservedConcurrency: 2 });

    const capped = Promise.all(
      Array.from({ length: 7 }, () => runner.invoke('capped', { event: { sleepMs: 150 } })),
    );
    const reserved = Promise.all(
      Array.from({ length: 5 }, () => runner.invoke('reserved', { event: { sleepMs: 150 } })),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runner.concurrencyOf('capped')).toMatchObject({ busy: 3, limit: 3 });
    expect(runner.concurrencyOf('reserved')).toMatchObject({ busy: 2, limit: 2 });

    const cappedReplies = (await capped).map((result) => parsed<Reply>(result));
    const reservedReplies = (await reserved).map((result) => parsed<Reply>(result));
    expect(new Set(cappedReplies.map((reply) => reply.pid)).size).toBe(3);
    expect(peakOverlap(cappedReplies)).toBe(3);
    expect(new Set(reservedReplies.map((reply) => reply.pid)).size).toBe(2);
    expect(peakOverlap(reservedReplies)).toBe(2);
    await runner.close();
  });

  it('throttles a function whose reserved concurrency is 0, as Lambda does', async () => {
    const runner = runnerWith(4);
    runner.deploy({ ...base, functionName: 'disabled', reservedConcurrency: 0 });
    await expect(runner.invoke('disabled', { event: {} })).rejects.toBeInstanceOf(FunctionThrottledError);
    await runner.close();
  });

  it('isolates a crash to its own environment: the others finish and the crashed one is replaced', async () => {
    const runner = runnerWith(3);
    runner.deploy({ ...base, functionName: 'crashy' });
    const [healthy, crashed, other] = await Promise.all([
      runner.invoke('crashy', { event: { sleepMs: 300 } }),
      runner.invoke('crashy', { event: { sleepMs: 300, crash: true } }),
      runner.invoke('crashy', { event: { sleepMs: 300 } }),
    ]);
    expect(healthy?.functionError).toBeUndefined();
    expect(other?.functionError).toBeUndefined();
    expect(crashed?.functionError).toBe('Unhandled');
    expect(JSON.parse(crashed?.payload ?? '{}').errorType).toBe('Runtime.ExitError');
    expect(runner.concurrencyOf('crashy')).toEqual({ busy: 0, idle: 2, limit: 3 });

    const survivors = new Set([healthy, other].map((result) => result && parsed<Reply>(result).pid));
    const next = parsed<Reply>(await runner.invoke('crashy', { event: {} }));
    expect(survivors.has(next.pid)).toBe(true);
    await runner.close();
  });

  it('reuses the most recently used environment and stops those idle past the timeout', async () => {
    const runner = runnerWith(2, 400);
    runner.deploy({ ...base, functionName: 'reaped' });
    const [a, b] = (
      await Promise.all([
        runner.invoke('reaped', { event: { sleepMs: 100 } }),
        runner.invoke('reaped', { event: { sleepMs: 200 } }),
      ])
    ).map((result) => parsed<Reply>(result));
    // The 200 ms invocation's environment went idle last: LIFO picks it.
    expect(parsed<Reply>(await runner.invoke('reaped', { event: {} })).pid).toBe(b?.pid);

    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(runner.concurrencyOf('reaped')).toEqual({ busy: 0, idle: 0, limit: 2 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([a?.pid, b?.pid].filter((pid) => pid !== undefined && isRunning(pid))).toEqual([]);
    const cold = await runner.invoke('reaped', { event: {} });
    expect(cold.initDurationMs).toBeGreaterThan(0);
    await runner.close();
  });
});
