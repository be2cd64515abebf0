import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { withDirectoryLock } from './directory-lock.ts';

/** Folders and files whose content decides what `cdk synth` of the local stage produces. */
const INPUT_ROOTS = [
  'infra/bin',
  'infra/src',
  'packages',
  'services',
  'stratum.config.ts',
  // The built web apps are assets of the web app stacks (npm start builds them first).
  'web/app/dist',
  'web/internal/dist',
  'cdk.json',
  'package-lock.json',
];
const SKIPPED_FOLDERS = new Set(['node_modules', 'test', 'dist', 'cdk.out', '.stratum']);

export interface LocalAssemblyOptions {
  /** The repository root. */
  readonly root: string;
  /** Where the assembly is written (`.stratum/cdk.out`). */
  readonly outdir: string;
  /** Synthesize even when the inputs did not change. @default false */
  readonly force?: boolean;
  readonly log?: (line: string) => void;
}

export interface LocalAssembly {
  readonly outdir: string;
  /** False when the assembly of the previous start was reused. */
  readonly synthesized: boolean;
  readonly durationMs: number;
}

/**
 * Synthesizes the `local` stage through every gate, unless the assembly on disk was built from the same
 * inputs (a content hash of the sources, config and lockfile, stored beside it). A failed synth rejects
 * with CDK's own output tail.
 */
export async function ensureLocalAssembly(options: LocalAssemblyOptions): Promise<LocalAssembly> {
  const started = performance.now();
  mkdirSync(dirname(options.outdir), { recursive: true });
  // One synth at a time per assembly folder: parallel test files and `npm start` share folders.
  return withDirectoryLock(
    `${options.outdir}.lock`,
    async () => {
      const stampFile = join(options.outdir, 'stratum-inputs.sha256');
      const digest = inputsDigest(options.root);
      const manifest = join(options.outdir, 'assembly-local', 'manifest.json');
      if (
        !options.force &&
        existsSync(manifest) &&
        existsSync(stampFile) &&
        readFileSync(stampFile, 'utf8') === digest
      ) {
        return { outdir: options.outdir, synthesized: false, durationMs: performance.now() - started };
      }
      options.log?.('synthesizing the local stage (sources changed since the last start)…');
      await runSynth(options.root, options.outdir);
      writeFileSync(stampFile, digest);
      return { outdir: options.outdir, synthesized: true, durationMs: performance.now() - started };
    },
    {
      onWait: (holder) =>
        options.log?.(`waiting for another synthesis of ${options.outdir} (pid ${holder})…`),
    },
  );
}

/** SHA-256 over the path and content of every input file, in a stable order. */
export function inputsDigest(root: string): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!SKIPPED_FOLDERS.has(entry)) visit(join(path, entry));
      }
      return;
    }
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of INPUT_ROOTS) visit(join(root, input));
  return hash.digest('hex');
}

function runSynth(root: string, outdir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'infra/bin/app.ts', '--stage', 'local', '--out', outdir, '--quiet'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`synthesis of the local stage failed (exit ${code}):\n${output}`));
    });
  });
}
