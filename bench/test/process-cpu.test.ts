import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canMeasureProcessCpu, cpuBetween, cpuSnapshot } from '../src/process-cpu.ts';

const dir = mkdtempSync(join(tmpdir(), 'process-cpu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A child that burns CPU for `ms`, then exits; its script is named like the Lambda runtime's. */
function busyChild(script: string, ms: number, env: Record<string, string> = {}) {
  const path = join(dir, script);
  writeFileSync(path, `const end = Date.now() + ${ms}; while (Date.now() < end) {}\n`);
  const child = spawn(process.execPath, [path], { env: { ...process.env, ...env }, stdio: 'ignore' });
  return new Promise<void>((resolve) => child.once('exit', () => resolve()));
}

describe.runIf(canMeasureProcessCpu)('process CPU accounting', () => {
  it('counts a descendant by what it runs, a Lambda environment by its function', async () => {
    const before = cpuSnapshot();
    const done = Promise.all([
      busyChild('bootstrap.mjs', 400, {
        AWS_LAMBDA_FUNCTION_NAME: 'stratum-local-api-TodoSubgraphFunctionBED3308F-520D1CE1FE8E',
      }),
      busyChild('engine.mjs', 400),
    ]);
    // Snapshot while both run: a process that has ended is no longer in /proc.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const used = cpuBetween(before, cpuSnapshot());
    await done;
    const byLabel = new Map(used.map((entry) => [entry.label, entry.cpuMs]));
    expect(byLabel.get('λ TodoSubgraphFunction')).toBeGreaterThan(50);
    expect([...byLabel.keys()].some((label) => label.endsWith('engine.mjs'))).toBe(true);
    expect(used.map((entry) => entry.cpuMs)).toEqual(
      [...used.map((entry) => entry.cpuMs)].sort((a, b) => b - a),
    );
  });

  it('leaves out processes that are not descendants of this one', () => {
    const snapshot = cpuSnapshot();
    expect(snapshot.get(process.pid)?.label).toBe('bench process (sandbox + load generator)');
    expect(snapshot.has(1)).toBe(false);
    expect(snapshot.has(process.ppid)).toBe(false);
  });
});
