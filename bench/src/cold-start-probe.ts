import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';

/**
 * Environment every probed handler gets, as the stacks set it on Lambda (including
 * `NODE_OPTIONS=--enable-source-maps` from `StratumFunction`); nothing reaches the network.
 * `STRATUM_SANDBOX` keeps the X-Ray tracer disabled (no daemon here); its modules load anyway.
 */
const PROBE_ENV: Record<string, string> = {
  NODE_OPTIONS: '--enable-source-maps',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  STRATUM_SANDBOX: 'true',
  TABLE_NAME: 'bench-table',
  CUSTOMER_POOL_ISSUER: 'http://127.0.0.1:9/customer',
  CUSTOMER_POOL_CLIENT_IDS: 'bench-client',
  STAFF_POOL_ISSUER: 'http://127.0.0.1:9/staff',
  STAFF_POOL_CLIENT_IDS: 'bench-staff-client',
  SUBGRAPH_USERS_FUNCTION: 'users',
  SUBGRAPH_TODO_FUNCTION: 'todo',
  MASK_ERRORS: 'true',
  GRAPHIQL: 'false',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
};

/** The Lambda context the first invocation gets; the instrumented handlers log from it. */
const CONTEXT = {
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench',
  memoryLimitInMB: '1024',
  awsRequestId: '00000000-0000-4000-8000-000000000000',
  logGroupName: '/aws/lambda/bench',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true,
};

export interface ColdStartSample {
  /** Spawn → the bundle's `handler` export is ready (Lambda's Init phase, plus Node's own start). */
  readonly initMs: number;
  /** CPU time (user + system) the process used until ready: steadier than wall time on a busy machine. */
  readonly initCpuMs: number;
  /** Duration of the first invocation with the probe event; 0 when no event is given. */
  readonly firstInvokeMs: number;
  /** What the first invocation returned, as JSON; empty when no event is given. */
  readonly result: string;
}

/**
 * Starts a fresh Node process that imports the bundle, reports when its `handler` export is
 * ready, then (given an event) invokes it once and reports how long that took. Measurements go
 * through file descriptor 3, so that the handler's own logs (stdout) cannot be mistaken for them.
 */
export function probeColdStart(bundle: string, event?: unknown): Promise<ColdStartSample> {
  const script = [
    "import { writeSync } from 'node:fs';",
    `const m = await import(${JSON.stringify(bundle)});`,
    "if (typeof m.handler !== 'function') process.exit(3);",
    'const cpu = process.cpuUsage();',
    'writeSync(3, "ready " + (cpu.user + cpu.system) / 1000 + "\\n");',
    `const event = ${JSON.stringify(event ?? null)};`,
    'if (event !== null) {',
    '  const started = performance.now();',
    `  const result = await m.handler(event, ${JSON.stringify(CONTEXT)});`,
    '  writeSync(3, "invoked " + (performance.now() - started) + "\\n");',
    '  writeSync(3, "result " + JSON.stringify(result ?? null) + "\\n");',
    '}',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...PROBE_ENV },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let report = '';
    let initMs: number | undefined;
    (child.stdio[3] as Readable).on('data', (chunk: Buffer) => {
      initMs ??= performance.now() - started;
      report += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ready = /^ready ([\d.]+)$/m.exec(report);
      const invoked = /^invoked ([\d.]+)$/m.exec(report);
      const result = /^result (.*)$/m.exec(report)?.[1] ?? '';
      if (code === 0 && initMs !== undefined && ready?.[1] && (event === undefined || invoked?.[1])) {
        resolve({ initMs, initCpuMs: Number(ready[1]), firstInvokeMs: Number(invoked?.[1] ?? 0), result });
      } else {
        reject(new Error(`probe of ${bundle} exited with ${code}: ${stderr.slice(0, 2000)}`));
      }
    });
  });
}

export interface ColdStartSummary extends ColdStartSample {
  /** Init plus first invocation, per process: what the first caller of a new execution environment waits for. */
  readonly initAndFirstMs: number;
}

/** The median of each figure over repeated probes, after one discarded run that fills the OS file cache. */
export async function medianColdStart(
  bundle: string,
  runs: number,
  event?: unknown,
): Promise<ColdStartSummary> {
  await probeColdStart(bundle, event);
  const samples: ColdStartSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await probeColdStart(bundle, event));
  const median = (pick: (sample: ColdStartSample) => number) => {
    const sorted = samples.map(pick).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  };
  return {
    result: samples[0]?.result ?? '',
    initMs: median((s) => s.initMs),
    initCpuMs: median((s) => s.initCpuMs),
    firstInvokeMs: median((s) => s.firstInvokeMs),
    initAndFirstMs: median((s) => s.initMs + s.firstInvokeMs),
  };
}
