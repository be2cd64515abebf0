import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectoryLockTimeoutError, withDirectoryLock } from '../../src/sandbox/directory-lock.ts';

const lockIn = () => join(mkdtempSync(join(tmpdir(), 'stratum-lock-')), 'assembly.lock');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withDirectoryLock', () => {
  it('runs concurrent holders one after the other and releases the lock afterwards', async () => {
    const lock = lockIn();
    const order: string[] = [];
    const holder = (name: string) =>
      withDirectoryLock(lock, async () => {
        order.push(`${name}:in`);
        await sleep(150);
        order.push(`${name}:out`);
        return name;
      });
    const results = await Promise.all([holder('a'), holder('b'), holder('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(order).toHaveLength(6);
    for (let i = 0; i < order.length; i += 2) {
      expect(order[i]?.replace(':in', '')).toBe(order[i + 1]?.replace(':out', ''));
    }
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the work fails', async () => {
    const lock = lockIn();
    await expect(withDirectoryLock(lock, () => Promise.reject(new Error('synth failed')))).rejects.toThrow(
      'synth failed',
    );
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose owner died', async () => {
    const lock = lockIn();
    mkdirSync(lock);
    // Above any pid_max: no such process.
    writeFileSync(join(lock, 'pid'), '999999999');
    await expect(withDirectoryLock(lock, async () => 'done')).resolves.toBe('done');
  });

  it('gives up after the time-out, naming the holder, while a live process keeps the lock', async () => {
    const lock = lockIn();
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.ppid));
    const waited: string[] = [];
    const attempt = withDirectoryLock(lock, async () => 'never', {
      timeoutMs: 600,
      onWait: (holder) => waited.push(holder),
    });
    await expect(attempt).rejects.toBeInstanceOf(DirectoryLockTimeoutError);
    await expect(attempt).rejects.toThrow(`held by pid ${process.ppid}`);
    expect(waited).toEqual([String(process.ppid)]);
  });
});
