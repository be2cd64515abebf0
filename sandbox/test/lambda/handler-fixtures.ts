import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LambdaLogRecord } from '../../src/lambda/index.ts';
import { LambdaRunner } from '../../src/lambda/index.ts';

/**
 * A temporary folder of handler code, written by the tests themselves: each test reads the
 * handler it runs, next to its assertions.
 */
export class HandlerFixtures {
  readonly root = mkdtempSync(join(tmpdir(), 'stratum-lambda-'));

  /** Writes `files` (relative path → source) into a new code folder and returns its path. */
  codeDir(name: string, files: Readonly<Record<string, string>>): string {
    const dir = join(this.root, name);
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A runner for tests, with every log line it emits collected in `logs`. */
export function testRunner(): { runner: LambdaRunner; logs: LambdaLogRecord[] } {
  const logs: LambdaLogRecord[] = [];
  const runner = new LambdaRunner({
    region: 'eu-west-1',
    accountId: '123456789012',
    endpointUrl: 'http://127.0.0.1:4566',
    credentials: {
      accessKeyId: 'AKIDSANDBOX',
      secretAccessKey: 'sandbox-secret',
      sessionToken: 'sandbox-token',
    },
    logSink: (record) => logs.push(record),
  });
  return { runner, logs };
}

/** Parses a successful invocation's payload. */
export function parsed<T = Record<string, unknown>>(result: { payload: string; functionError?: string }): T {
  if (result.functionError) throw new Error(`the invocation failed: ${result.payload}`);
  return JSON.parse(result.payload) as T;
}

/** Whether a process with this pid still exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
