import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_BUNDLING } from '../../../infra/src/app/stratum-function.ts';
import { BundleBuilder } from '../../src/dev-loop/bundle-builder.ts';
import { DevLoop, type RebuildReport, type WatchedFunction } from '../../src/dev-loop/index.ts';
import { LambdaRunner } from '../../src/lambda/index.ts';

/**
 * A temporary service with two functions: `greeter` imports `lib/greeting.ts`, `clock` does not.
 * They are bundled with the synth's options, deployed in a real runner, and the loop watches them.
 */
const workspace = mkdtempSync(join(tmpdir(), 'stratum-dev-loop-'));
const root = resolve(import.meta.dirname, '../../..');
const write = (path: string, source: string) => {
  mkdirSync(dirname(join(workspace, path)), { recursive: true });
  writeFileSync(join(workspace, path), source);
};
write(
  'services/temp/src/lib/greeting.ts',
  `export const greeting = (name: string): string => \`hello \${name}\`;`,
);
write(
  'services/temp/src/greeter.ts',
  `import { greeting } from './lib/greeting.ts';
export const handler = async (event: { name: string }) => ({ text: greeting(event.name), pid: process.pid });`,
);
write(
  'services/temp/src/clock.ts',
  'export const handler = async () => ({ text: "tick", pid: process.pid });',
);

const runner = new LambdaRunner({ region: 'eu-west-1', accountId: '123456789012' });
const reports: RebuildReport[] = [];
const lines: string[] = [];
let loop: DevLoop;

/** Waits for the next rebuild report after `action`. */
async function nextRebuild(action: () => void): Promise<RebuildReport> {
  const seen = reports.length;
  action();
  const deadline = Date.now() + 15_000;
  while (reports.length === seen) {
    if (Date.now() > deadline) throw new Error('no rebuild within 15 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  return reports[seen] as RebuildReport;
}

const invoke = async (name: string) => {
  const result = await runner.invoke(name, { event: { name: 'Ada' } });
  if (result.functionError) throw new Error(result.payload);
  return JSON.parse(result.payload) as { text: string; pid: number };
};

beforeAll(async () => {
  const builder = new BundleBuilder({
    root,
    outDir: join(workspace, 'initial'),
    bundling: FUNCTION_BUNDLING,
  });
  const functions: WatchedFunction[] = [];
  for (const name of ['greeter', 'clock']) {
    const source = { entry: join(workspace, `services/temp/src/${name}.ts`), externalModules: [] };
    const { codeDir } = await builder.build(name, source);
    const definition = { functionName: name, handler: 'index.handler', runtime: 'nodejs22.x', codeDir };
    runner.deploy(definition);
    functions.push({ functionName: name, definition, source });
  }
  loop = await DevLoop.start({
    root,
    outDir: join(workspace, 'dev-loop'),
    functions,
    runner,
    watchRoots: [join(workspace, 'services')],
    log: (line) => lines.push(line),
    onRebuild: (report) => reports.push(report),
  });
  await loop.ready;
}, 30_000);

afterAll(async () => {
  loop.close();
  await runner.close();
  rmSync(workspace, { recursive: true, force: true });
});

describe('the fast loop', () => {
  it('rebuilds and swaps only the functions whose entry imports the changed file', async () => {
    const clockBefore = await invoke('clock');
    expect((await invoke('greeter')).text).toBe('hello Ada');

    const report = await nextRebuild(() =>
      write(
        'services/temp/src/lib/greeting.ts',
        'export const greeting = (name: string) => "hi " + name + "!";',
      ),
    );

    expect(report).toMatchObject({ ok: true, functionNames: ['greeter'] });
    expect(lines.at(-1)).toMatch(/^rebuilt greeter in \d+ ms$/);
    expect((await invoke('greeter')).text).toBe('hi Ada!');
    // The other function was not rebuilt: same warm process.
    expect((await invoke('clock')).pid).toBe(clockBefore.pid);
  });

  it('keeps the old code when the build fails, and takes the fix', async () => {
    const broken = await nextRebuild(() =>
      write('services/temp/src/lib/greeting.ts', 'export const greeting = (name: string) => "oops + name;'),
    );
    expect(broken).toMatchObject({ ok: false, functionNames: ['greeter'] });
    expect(broken.ok ? '' : broken.error).toMatch(/greeting\.ts:1:\d+: ERROR: Unterminated/);
    expect(lines.at(-1)).toMatch(/build of greeter failed; it keeps its previous code/);
    expect((await invoke('greeter')).text).toBe('hi Ada!');

    const fixed = await nextRebuild(() =>
      write('services/temp/src/lib/greeting.ts', 'export const greeting = (name: string) => "hey " + name;'),
    );
    expect(fixed.ok).toBe(true);
    expect((await invoke('greeter')).text).toBe('hey Ada');
  });

  it('follows new imports: a file the entry starts importing triggers rebuilds', async () => {
    write('services/temp/src/lib/suffix.ts', 'export const suffix = "?";');
    await nextRebuild(() =>
      write(
        'services/temp/src/clock.ts',
        `import { suffix } from './lib/suffix.ts';
export const handler = async () => ({ text: "tick" + suffix, pid: process.pid });`,
      ),
    );
    expect((await invoke('clock')).text).toBe('tick?');
    const report = await nextRebuild(() =>
      write('services/temp/src/lib/suffix.ts', 'export const suffix = "!";'),
    );
    expect(report).toMatchObject({ ok: true, functionNames: ['clock'] });
    expect((await invoke('clock')).text).toBe('tick!');
  });
});
