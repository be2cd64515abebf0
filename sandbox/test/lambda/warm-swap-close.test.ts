import { afterAll, describe, expect, it } from 'vitest';
import { FunctionNotFoundError, RunnerClosedError } from '../../src/lambda/index.ts';
import { HandlerFixtures, isRunning, parsed, testRunner } from './handler-fixtures.ts';

const fixtures = new HandlerFixtures();
afterAll(() => fixtures.remove());

const versioned = (version: string) => `let invocations = 0;
export const handler = async (event) => {
  invocations += 1;
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, event.waitMs ?? 0));
  return { version: '${version}', pid: process.pid, invocations, started, ended: Date.now() };
};`;

interface Reply {
  version: string;
  pid: number;
  invocations: number;
  started: number;
  ended: number;
}

describe('warm processes', () => {
  const { runner } = testRunner();
  afterAll(() => runner.close());
  // A reserved concurrency of 1: one execution environment, whatever the load.
  runner.deploy({
    functionName: 'counter',
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    reservedConcurrency: 1,
    codeDir: fixtures.codeDir('counter', { 'index.mjs': versioned('v1') }),
  });

  it('reuses one process, with its module state, and reports init only on the cold start', async () => {
    const first = await runner.invoke('counter', { event: {} });
    const second = await runner.invoke('counter', { event: {} });
    expect(first.initDurationMs).toBeGreaterThan(0);
    expect(second.initDurationMs).toBeUndefined();
    expect(parsed<Reply>(second).pid).toBe(parsed<Reply>(first).pid);
    expect(parsed<Reply>(second).invocations).toBe(2);
    expect(parsed<Reply>(first).pid).not.toBe(process.pid);
  });

  it('queues invocations beyond the reserved concurrency and runs them in order', async () => {
    const replies = (
      await Promise.all([30, 30, 30].map((waitMs) => runner.invoke('counter', { event: { waitMs } })))
    ).map((result) => parsed<Reply>(result));
    expect(new Set(replies.map((reply) => reply.pid)).size).toBe(1);
    expect(replies.map((reply) => reply.invocations)).toEqual([3, 4, 5]);
    for (let i = 1; i < replies.length; i++) {
      expect(replies[i]?.started).toBeGreaterThanOrEqual(replies[i - 1]?.ended ?? Number.POSITIVE_INFINITY);
    }
  });

  it('accepts ARNs and refuses unknown functions', async () => {
    const arn = runner.arnOf('counter');
    expect(arn).toBe('arn:aws:lambda:eu-west-1:123456789012:function:counter');
    expect(parsed<Reply>(await runner.invoke(arn, { event: {} })).version).toBe('v1');
    await expect(runner.invoke('nobody', { event: {} })).rejects.toThrow(FunctionNotFoundError);
  });
});

describe('swap', () => {
  it('finishes the invocation in flight on the old code and runs the next one in a new process', async () => {
    const { runner } = testRunner();
    const base = { functionName: 'todo', handler: 'index.handler', runtime: 'nodejs22.x' };
    runner.deploy({ ...base, codeDir: fixtures.codeDir('todo-v1', { 'index.mjs': versioned('v1') }) });
    const warm = parsed<Reply>(await runner.invoke('todo', { event: {} }));

    const inFlight = runner.invoke('todo', { event: { waitMs: 1000 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    runner.swap('todo', { ...base, codeDir: fixtures.codeDir('todo-v2', { 'index.mjs': versioned('v2') }) });
    const next = parsed<Reply>(await runner.invoke('todo', { event: {} }));
    const old = parsed<Reply>(await inFlight);

    expect(old).toMatchObject({ version: 'v1', pid: warm.pid, invocations: 2 });
    expect(next).toMatchObject({ version: 'v2', invocations: 1 });
    expect(next.pid).not.toBe(warm.pid);
    // The new code did not wait for the old invocation to end.
    expect(next.ended).toBeLessThan(old.ended);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isRunning(warm.pid)).toBe(false);
    await runner.close();
  });
});

describe('close', () => {
  it('kills every process, fails queued invocations, and refuses new ones', async () => {
    const { runner } = testRunner();
    const pids: number[] = [];
    for (const name of ['a', 'b', 'c']) {
      runner.deploy({
        functionName: name,
        handler: 'index.handler',
        runtime: 'nodejs22.x',
        reservedConcurrency: 1,
        codeDir: fixtures.codeDir(`close-${name}`, { 'index.mjs': versioned(name) }),
      });
      pids.push(parsed<Reply>(await runner.invoke(name, { event: {} })).pid);
    }
    const inFlight = runner.invoke('a', { event: { waitMs: 10_000 } });
    const queued = runner.invoke('a', { event: {} }).catch((error: unknown) => error);
    expect(pids.every(isRunning)).toBe(true);

    await runner.close();

    expect(pids.filter(isRunning)).toEqual([]);
    expect(JSON.parse((await inFlight).payload).errorType).toBe('Runtime.ExitError');
    expect(await queued).toBeInstanceOf(RunnerClosedError);
    await expect(runner.invoke('b', { event: {} })).rejects.toThrow(RunnerClosedError);
  });
});
