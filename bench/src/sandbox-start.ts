import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalAssembly } from '../../sandbox/src/sandbox/local-assembly.ts';
import { Sandbox } from '../../sandbox/src/sandbox/sandbox.ts';

export interface StartSample {
  /** `ensureLocalAssembly`: the input hash check (warm) or the forced synth (cold). */
  readonly assemblyMs: number;
  /** `Sandbox.start`: engines, the AWS endpoint, every stack deployed, outputs.json written. */
  readonly bootMs: number;
  /** Both: what `npm start` waits for before printing that the sandbox is ready. */
  readonly totalMs: number;
}

/**
 * Times one start as `npm start` does it (sandbox/src/cli/start.ts): the assembly, then the sandbox on
 * a fresh state directory (no data to reload), then stops it and deletes the directory. Resolves
 * undefined, without booting, when a warm start found the sources changed (it synthesized).
 */
export async function timeStart(
  root: string,
  outdir: string,
  force: boolean,
): Promise<StartSample | undefined> {
  const stateDir = mkdtempSync(join(tmpdir(), 'stratum-bench-start-'));
  try {
    const started = performance.now();
    const assembly = await ensureLocalAssembly({ root, outdir, force });
    // A warm start that had to synthesize is not one: the sources changed since the last synth.
    if (!force && assembly.synthesized) return undefined;
    const booting = performance.now();
    const sandbox = await Sandbox.start({ assemblyDir: assembly.outdir, stateDir, awsPort: 0 });
    const ready = performance.now();
    await sandbox.stop();
    return { assemblyMs: booting - started, bootMs: ready - booting, totalMs: ready - started };
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}
