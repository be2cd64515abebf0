import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const POLL_MS = 250;

/** The lock was not released in time: its holder's pid is named so that a stuck one can be found. */
export class DirectoryLockTimeoutError extends Error {
  constructor(
    readonly lockDir: string,
    readonly holder: string,
    readonly waitedMs: number,
  ) {
    super(
      `waited ${Math.round(waitedMs / 1000)} s for ${lockDir} (held by pid ${holder}); remove it if that process is gone`,
    );
    this.name = 'DirectoryLockTimeoutError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding an inter-process lock: a directory created atomically with `mkdir`,
 * holding the owner's pid. Concurrent callers (test files in parallel workers, `npm start` next to
 * the benchmark) wait; a lock whose owner died is taken over, so a crash never blocks later runs.
 */
export async function withDirectoryLock<T>(
  lockDir: string,
  work: () => Promise<T>,
  options: { readonly timeoutMs?: number; readonly onWait?: (holder: string) => void } = {},
): Promise<T> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = '';
    try {
      holder = readFileSync(join(lockDir, 'pid'), 'utf8').trim();
    } catch {
      // Created but the pid not written yet: give the owner a moment.
    }
    const pid = Number(holder);
    if (holder !== '' && Number.isInteger(pid) && !isAlive(pid)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs)
      throw new DirectoryLockTimeoutError(lockDir, holder, Date.now() - started);
    if (!announced && holder !== '') {
      options.onWait?.(holder);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
