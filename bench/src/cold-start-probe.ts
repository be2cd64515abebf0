import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Environment every probed handler gets, as Lambda would set it; nothing reaches the network. */
const PROBE_ENV: Record<string, string> = {
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

/**
 * Starts a fresh Node process that imports the bundle and reports when its `handler` export is
 * ready: what Lambda calls init. Measured from just before spawn to the "ready" line, so the
 * figure includes Node's own start, as an empty handler's does.
 */
export function probeColdStart(bundle: string): Promise<number> {
  const script = `const m = await import(${JSON.stringify(bundle)}); if (typeof m.handler !== 'function') { process.exit(3); } process.stdout.write('ready\\n');`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...PROBE_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let ready: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (ready === undefined && chunk.toString().includes('ready')) ready = performance.now() - started;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && ready !== undefined) resolve(ready);
      else reject(new Error(`probe of ${bundle} exited with ${code}: ${stderr.slice(0, 2000)}`));
    });
  });
}

/** Median of repeated probes, after one discarded warm-up run that fills the OS file cache. */
export async function medianColdStart(bundle: string, runs: number): Promise<number> {
  await probeColdStart(bundle);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await probeColdStart(bundle));
  samples.sort((a, b) => a - b);
  const middle = Math.floor(samples.length / 2);
  return samples.length % 2
    ? (samples[middle] ?? 0)
    : ((samples[middle - 1] ?? 0) + (samples[middle] ?? 0)) / 2;
}
