import { afterAll, describe, expect, it } from 'vitest';
import { HandlerFixtures, parsed, testRunner } from './handler-fixtures.ts';

const fixtures = new HandlerFixtures();
const { runner } = testRunner();
afterAll(async () => {
  await runner.close();
  fixtures.remove();
});

function deploy(functionName: string, handler: string, files: Record<string, string>): void {
  runner.deploy({
    functionName,
    handler,
    codeDir: fixtures.codeDir(functionName, files),
    runtime: 'nodejs22.x',
  });
}

describe('handler loading', () => {
  it('runs an ESM .mjs async handler', async () => {
    deploy('esm', 'index.handler', {
      'index.mjs':
        'export const handler = async (event) => ({ doubled: event.n * 2, esm: typeof require === "undefined" });',
    });
    expect(parsed(await runner.invoke('esm', { event: { n: 21 } }))).toEqual({ doubled: 42, esm: true });
  });

  it('runs a CommonJS .js handler and a .cjs handler', async () => {
    deploy('cjs', 'app.handler', {
      'app.js':
        'exports.handler = async () => ({ cjs: typeof require === "function" && typeof module === "object" });',
    });
    deploy('cjs-ext', 'lib/app.main', {
      'lib/app.cjs': 'module.exports = { main: async () => "from cjs" };',
    });
    expect(parsed(await runner.invoke('cjs', { event: {} }))).toEqual({ cjs: true });
    expect(parsed<string>(await runner.invoke('cjs-ext', { event: {} }))).toBe('from cjs');
  });

  it('runs a .js handler as ESM when a package.json up the tree says "type": "module"', async () => {
    deploy('esm-js', 'dist/index.handler', {
      'package.json': '{ "type": "module" }',
      'dist/index.js':
        'import { sep } from "node:path";\nexport async function handler() { return { sep, url: import.meta.url.startsWith("file:") }; }',
    });
    expect(parsed(await runner.invoke('esm-js', { event: {} }))).toEqual({ sep: '/', url: true });
  });

  it('runs a legacy callback handler, and returns null when it calls back with nothing', async () => {
    deploy('callback', 'index.handler', {
      'index.js': `exports.handler = (event, context, callback) => {
        if (event.nothing) return callback();
        setTimeout(() => callback(null, { name: context.functionName, got: event.value }), 10);
      };`,
    });
    expect(parsed(await runner.invoke('callback', { event: { value: 'v' } }))).toEqual({
      name: 'callback',
      got: 'v',
    });
    expect((await runner.invoke('callback', { event: { nothing: true } })).payload).toBe('null');
  });

  it('waits for an empty event loop after a callback, unless callbackWaitsForEmptyEventLoop is false', async () => {
    deploy('loop', 'index.handler', {
      'index.js': `let late = 0;
      exports.handler = (event, context, callback) => {
        context.callbackWaitsForEmptyEventLoop = event.wait;
        setTimeout(() => { late += 1; }, 400);
        callback(null, { lateBefore: late });
      };
      exports.count = async () => late;`,
    });
    const waited = await runner.invoke('loop', { event: { wait: true } });
    expect(waited.durationMs).toBeGreaterThanOrEqual(390);
    const immediate = await runner.invoke('loop', { event: { wait: false } });
    expect(immediate.durationMs).toBeLessThan(300);
    expect(parsed(immediate)).toEqual({ lateBefore: 1 });
  });

  it('reports init failures as Lambda does, and retries init on the next invocation', async () => {
    deploy('missing-module', 'nothere.handler', { 'index.mjs': 'export const handler = async () => 1;' });
    deploy('missing-export', 'index.handler', { 'index.mjs': 'export const other = async () => 1;' });
    deploy('syntax', 'index.handler', { 'index.mjs': 'export const handler = async () => {{;' });
    deploy('init-throws', 'index.handler', { 'index.mjs': 'throw new RangeError("config missing");' });

    const failures = await Promise.all(
      ['missing-module', 'missing-export', 'syntax', 'init-throws'].map((name) =>
        runner.invoke(name, { event: {} }),
      ),
    );
    expect(failures.map((result) => result.functionError)).toEqual([
      'Unhandled',
      'Unhandled',
      'Unhandled',
      'Unhandled',
    ]);
    expect(failures.map((result) => JSON.parse(result.payload).errorType)).toEqual([
      'Runtime.ImportModuleError',
      'Runtime.HandlerNotFound',
      'Runtime.UserCodeSyntaxError',
      'RangeError',
    ]);
    expect(JSON.parse(failures[0]?.payload ?? '{}').errorMessage).toBe("Error: Cannot find module 'nothere'");
    expect(JSON.parse(failures[1]?.payload ?? '{}').errorMessage).toBe(
      'index.handler is undefined or not exported',
    );
    const again = await runner.invoke('init-throws', { event: {} });
    expect(again.initDurationMs).toBeDefined();
    expect(JSON.parse(again.payload).errorMessage).toBe('config missing');
  });
});
