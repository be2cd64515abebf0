import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandlerFixtures, isRunning, parsed, testRunner } from './handler-fixtures.ts';

const fixtures = new HandlerFixtures();
const { runner } = testRunner();

/** Each handler returns its pid on `{ pid: true }`, and misbehaves otherwise. */
const HANDLERS: Record<string, { source: string; timeoutSeconds?: number; memoryMb?: number }> = {
  healthy: { source: 'export const handler = async () => ({ pid: process.pid });' },
  thrower: {
    source: `class TodoNotFoundError extends Error { name = 'TodoNotFoundError'; }
    export const handler = async (event) => {
      if (event.pid) return { pid: process.pid };
      if (event.string) throw 'plain string';
      throw new TodoNotFoundError('todo 42 not found');
    };`,
  },
  sleeper: {
    timeoutSeconds: 1,
    source: `export const handler = async (event) => {
      if (event.pid) return { pid: process.pid };
      console.log('going to sleep');
      await new Promise((resolve) => setTimeout(resolve, 5000));
      return 'woke up';
    };`,
  },
  exiter: {
    source: `export const handler = async (event) => {
      if (event.pid) return { pid: process.pid };
      if (event.timer) {
        setTimeout(() => { throw new TypeError('boom in a timer'); }, 5);
        return new Promise(() => {});
      }
      process.exit(3);
    };`,
  },
  hog: {
    memoryMb: 128,
    timeoutSeconds: 30,
    source: `const kept = [];
    export const handler = async (event) => {
      if (event.pid) return { pid: process.pid };
      for (;;) kept.push(new Array(100000).fill({ id: kept.length }));
    };`,
  },
};

beforeAll(() => {
  for (const [functionName, { source, ...settings }] of Object.entries(HANDLERS)) {
    const codeDir = fixtures.codeDir(functionName, { 'index.mjs': source });
    runner.deploy({ functionName, handler: 'index.handler', codeDir, runtime: 'nodejs22.x', ...settings });
  }
});
afterAll(async () => {
  await runner.close();
  fixtures.remove();
});

const pidOf = async (functionName: string) =>
  parsed<{ pid: number }>(await runner.invoke(functionName, { event: { pid: true } })).pid;

describe('a handler that throws', () => {
  it('returns the error as Lambda does and keeps its warm process', async () => {
    const pid = await pidOf('thrower');
    const result = await runner.invoke('thrower', { event: {} });
    expect(result.functionError).toBe('Unhandled');
    const error = JSON.parse(result.payload);
    expect(error).toMatchObject({ errorType: 'TodoNotFoundError', errorMessage: 'todo 42 not found' });
    expect(error.trace[0]).toBe('TodoNotFoundError: todo 42 not found');
    expect(error.trace[1]).toMatch(/at handler \(file:.*index\.mjs/);
    expect(JSON.parse((await runner.invoke('thrower', { event: { string: true } })).payload)).toEqual({
      errorType: 'string',
      errorMessage: 'plain string',
      trace: [],
    });
    expect(await pidOf('thrower')).toBe(pid);
  });
});

describe('a handler that outlives its timeout', () => {
  it('returns Sandbox.Timedout after the timeout, and the next invocation gets a fresh process', async () => {
    const pid = await pidOf('sleeper');
    const result = await runner.invoke('sleeper', { event: {} });
    expect(result.functionError).toBe('Unhandled');
    expect(JSON.parse(result.payload)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${result.awsRequestId} Error: Task timed out after 1.00 seconds`,
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(990);
    expect(result.durationMs).toBeLessThan(2000);
    expect(result.logs.map((record) => record.message)).toEqual(['going to sleep']);
    expect(isRunning(pid)).toBe(false);
    const next = await runner.invoke('sleeper', { event: { pid: true } });
    expect(next.initDurationMs).toBeDefined();
    expect(parsed<{ pid: number }>(next).pid).not.toBe(pid);
  });
});

describe('a process that dies', () => {
  it('process.exit → Runtime.ExitError, then a fresh process', async () => {
    const pid = await pidOf('exiter');
    const result = await runner.invoke('exiter', { event: {} });
    expect(result.functionError).toBe('Unhandled');
    expect(JSON.parse(result.payload)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${result.awsRequestId} Error: Runtime exited with error: exit status 3`,
    });
    expect(await pidOf('exiter')).not.toBe(pid);
  });

  it('an uncaught exception in a timer → Runtime.ExitError with the stack in the logs', async () => {
    const result = await runner.invoke('exiter', { event: { timer: true } });
    expect(JSON.parse(result.payload).errorMessage).toMatch(/Runtime exited with error: exit status 1$/);
    expect(
      result.logs.some((record) => record.stream === 'stderr' && record.message.includes('boom in a timer')),
    ).toBe(true);
  });

  it('running out of memory → Runtime.ExitError; the other functions keep their warm processes', async () => {
    const healthyPid = await pidOf('healthy');
    const thrower = await pidOf('thrower');
    const result = await runner.invoke('hog', { event: {} });
    expect(JSON.parse(result.payload)).toMatchObject({ errorType: 'Runtime.ExitError' });
    expect(result.logs.map((record) => record.message).join('\n')).toMatch(/heap out of memory/);
    expect(await pidOf('healthy')).toBe(healthyPid);
    expect(await pidOf('thrower')).toBe(thrower);
    expect(await pidOf('hog')).toBeGreaterThan(0);
  });
});
