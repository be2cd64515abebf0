/**
 * The sandbox as a developer feels it: how long `npm start` takes to be ready (warm: the assembly is
 * reused; cold: a forced synth), and how fast GraphQL answers through it under load (the API Gateway
 * emulator → the authorizer → the gateway → the todo subgraph, each a local Lambda, → DynamoDB Local),
 * against direct SDK calls of comparable size to the same DynamoDB Local in the same run.
 *
 * Run: `npm run bench -- sandbox [--runs 3] [--duration 10] [--warmup 3] [--environments 4] [--skip-start [--assembly dir]]`
 * (`--environments`: execution environments per function; `--skip-start`: the load part only, e.g.
 * while other work keeps changing the sources a warm start hashes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Agent } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AttributeValue, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { ensureLocalAssembly } from '../../sandbox/src/sandbox/local-assembly.ts';
import { SANDBOX_CREDENTIALS, Sandbox } from '../../sandbox/src/sandbox/sandbox.ts';
import { writeBenchReport } from './bench-report.ts';
import { keepAliveAgent } from './http-json.ts';
import { runLoad } from './load-loop.ts';
import { median } from './load-stats.ts';
import {
  type CpuSnapshot,
  canMeasureProcessCpu,
  cpuBetween,
  cpuSnapshot,
  type ProcessCpu,
} from './process-cpu.ts';
import { graphqlCaller } from './sandbox-graphql.ts';
import { type StartSample, timeStart } from './sandbox-start.ts';
import { signUpCustomer } from './sandbox-user.ts';

const CONCURRENCY = 16;
const TODOS = 20;
const TARGETS = { warmMs: 5_000, coldMs: 45_000, readP50Ms: 20, readRatio: 4, readsPerSecond: 200 };

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    environments: { type: 'string', default: '4' },
    'skip-start': { type: 'boolean', default: false },
    assembly: { type: 'string' },
  },
});
const positive = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} expects a positive number, got ${value}`);
  return n;
};
const runs = positive('runs', values.runs);
if (!Number.isInteger(runs)) throw new Error(`--runs expects an integer, got ${values.runs}`);
const durationMs = positive('duration', values.duration) * 1000;
const warmupMs = positive('warmup', values.warmup) * 1000;
const environments = positive('environments', values.environments);
const skipStart = values['skip-start'];

const root = resolve(import.meta.dirname, '../..');
// The benchmark's own assembly: a forced synth must not rewrite the one a running `npm start` uses.
// `--assembly <dir>` (with --skip-start) loads an existing assembly instead, unchanged.
const outdir = values.assembly ? resolve(values.assembly) : join(root, '.stratum', 'bench-cdk.out');
if (values.assembly && !values['skip-start']) throw new Error('--assembly goes with --skip-start');

// ── start to ready ───────────────────────────────────────────────────────────────────────────────
/** A warm start; other work in the tree may change the sources between two starts: synth again, retry. */
async function warmStartSample(): Promise<StartSample> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await ensureLocalAssembly({ root, outdir });
    const sample = await timeStart(root, outdir, false);
    if (sample) return sample;
    console.log('the sources changed just before a warm start (it would synthesize): retrying');
  }
  throw new Error('the sources kept changing: no warm start could reuse the assembly');
}
const warm: StartSample[] = [];
const cold: StartSample[] = [];
for (let run = 0; run < (skipStart ? 0 : runs); run++) {
  warm.push(await warmStartSample());
  const coldSample = await timeStart(root, outdir, true);
  if (!coldSample) throw new Error('a forced synth always synthesizes');
  cold.push(coldSample);
  console.log(
    `start ${run + 1}/${runs}: warm ${warm.at(-1)?.totalMs.toFixed(0)} ms, cold ${cold.at(-1)?.totalMs.toFixed(0)} ms`,
  );
}
const startSummary = (samples: readonly StartSample[]) =>
  samples.length === 0
    ? { assemblyMs: Number.NaN, bootMs: Number.NaN, totalMs: Number.NaN }
    : {
        assemblyMs: median(samples.map((s) => s.assemblyMs)),
        bootMs: median(samples.map((s) => s.bootMs)),
        totalMs: median(samples.map((s) => s.totalMs)),
      };
const warmStart = startSummary(warm);
const coldStart = startSummary(cold);

// ── GraphQL through the sandbox vs direct DynamoDB ───────────────────────────────────────────────
const stateDir = mkdtempSync(join(tmpdir(), 'stratum-bench-load-'));
if (skipStart && !values.assembly) await ensureLocalAssembly({ root, outdir });
const sandbox = await Sandbox.start({
  assemblyDir: outdir,
  stateDir,
  awsPort: 0,
  lambdaConcurrency: { maxEnvironmentsPerFunction: environments },
});
const agent = keepAliveAgent(CONCURRENCY);
try {
  const apiUrl = sandbox.endpoints.apiUrl;
  if (!apiUrl) throw new Error('the sandbox has no API URL');
  const stamp = Date.now();
  const reader = await signUpCustomer(sandbox, stateDir, `bench-reader+${stamp}@example.com`);
  const writer = await signUpCustomer(sandbox, stateDir, `bench-writer+${stamp}@example.com`);
  const asReader = graphqlCaller(agent, apiUrl, reader.idToken);
  const asWriter = graphqlCaller(agent, apiUrl, writer.idToken);
  const create = (title: string) =>
    `mutation { createTodo(input: { title: ${JSON.stringify(title)}, dueDate: "2030-01-01", tags: ["bench"] }) { id title status } }`;
  for (let i = 0; i < TODOS; i++) {
    await asReader(create(`Todo ${i} of the read benchmark`), (data) => typeof data.createTodo === 'object');
  }
  const listQuery = `{ todos(first: ${TODOS}) { edges { node { id title status dueDate tags } } } }`;
  const listed = (data: Record<string, unknown>) =>
    ((data.todos as { edges?: unknown[] } | undefined)?.edges?.length ?? 0) === TODOS;

  // Direct calls go to the sandbox's AWS endpoint (it proxies DynamoDB to DynamoDB Local): the
  // engine's own URL is not public on Sandbox. Same keep-alive pool size as the GraphQL load.
  const dynamodb = new DynamoDBClient({
    endpoint: sandbox.endpoints.awsEndpoint,
    region: sandbox.endpoints.region,
    credentials: SANDBOX_CREDENTIALS,
    requestHandler: { httpAgent: keepAliveAgent(CONCURRENCY) as Agent },
  });
  const todoQuery = (tableName: string) =>
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': { S: `T#${reader.tenantId}` }, ':sk': { S: 'TODO#' } },
      Limit: TODOS,
    });
  // The table that holds the tenant's todos (the app table among the deployed ones).
  let table: string | undefined;
  let sample: Record<string, AttributeValue> | undefined;
  for (const candidate of sandbox.inventory.tables) {
    const page = await dynamodb.send(todoQuery(candidate.tableName)).catch(() => undefined);
    if (page?.Items?.length === TODOS) {
      table = candidate.tableName;
      sample = page.Items[0];
    }
  }
  if (!table || !sample) throw new Error(`no deployed table holds the ${TODOS} todos of the reader tenant`);
  const tableName = table;
  const item = sample;

  const cpuPerLoad = new Map<string, ProcessCpu[]>();
  const load = async (label: string, call: (index: number) => Promise<void>) => {
    let before: CpuSnapshot | undefined;
    let cpu: ProcessCpu[] = [];
    const result = await runLoad({
      concurrency: CONCURRENCY,
      warmupMs,
      durationMs,
      call,
      onWindow: (edge) => {
        if (!canMeasureProcessCpu) return;
        if (edge === 'open') before = cpuSnapshot();
        else if (before) cpu = cpuBetween(before, cpuSnapshot());
      },
    });
    const requests = result.requests + result.errors;
    cpuPerLoad.set(
      label,
      cpu.map((entry) => ({ label: entry.label, cpuMs: entry.cpuMs / Math.max(requests, 1) })),
    );
    console.log(
      `${label}: p50 ${result.p50Ms.toFixed(1)} ms, ${result.throughput.toFixed(0)}/s, ${result.errors} errors`,
    );
    return result;
  };
  const read = await load('graphql read', () => asReader(listQuery, listed));
  const directRead = await load('direct query', async (i) => {
    const page = await dynamodb.send(todoQuery(tableName));
    if (page.Items?.length !== TODOS) throw new Error(`query ${i} returned ${page.Items?.length} items`);
  });
  const write = await load('graphql write', (i) =>
    asWriter(create(`Write ${i}`), (data) => typeof data.createTodo === 'object'),
  );
  const directWrite = await load('direct put', async (i) => {
    // The shape and size of a stored todo, in a partition of its own so that no tenant's data changes.
    await dynamodb.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { ...item, pk: { S: `BENCH#${stamp}` }, sk: { S: `TODO#${i}` } },
      }),
    );
  });
  dynamodb.destroy();

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
  const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
  const readRatio = read.p50Ms / directRead.p50Ms;
  const writeRatio = write.p50Ms / directWrite.p50Ms;
  const loadRow = (
    name: string,
    r: typeof read,
    direct: typeof read | undefined,
    target: string,
    ok?: boolean,
  ) => [
    name,
    ms(r.p50Ms),
    ms(r.p99Ms),
    `${r.throughput.toFixed(0)}/s`,
    String(r.errors),
    direct ? `${(r.p50Ms / direct.p50Ms).toFixed(2)}×` : '1.00×',
    target,
    ok === undefined ? '-' : yes(ok),
  ];
  // The load part alone goes to its own report, so that it never replaces a full one.
  writeBenchReport(
    skipStart ? 'sandbox-load' : 'sandbox',
    {
      runs,
      durationMs,
      warmupMs,
      concurrency: CONCURRENCY,
      environmentsPerFunction: environments,
      node: process.version,
      cpus: cpus().length,
      loadAverage1m: loadavg()[0],
      start: { warm: { ...warmStart, samples: warm }, cold: { ...coldStart, samples: cold } },
      load: { read, directRead, write, directWrite, readRatio, writeRatio },
      cpuMsPerRequest: Object.fromEntries(cpuPerLoad),
      targets: TARGETS,
    },
    {
      title: `Sandbox: ${skipStart ? '' : `start to ready (median of ${runs}) and `}GraphQL at ${CONCURRENCY} connections for ${durationMs / 1000} s, ${environments} execution environments per function`,
      header: [
        'measure',
        'p50 / median',
        'p99',
        'throughput',
        'errors',
        'vs direct',
        'target',
        'meets target',
      ],
      rows: [
        ...(skipStart
          ? []
          : [
              [
                'warm start (assembly reused)',
                `${s(warmStart.totalMs)} (hash ${s(warmStart.assemblyMs)} + boot ${s(warmStart.bootMs)})`,
                '-',
                '-',
                '-',
                '-',
                '≤ 5 s',
                yes(warmStart.totalMs <= TARGETS.warmMs),
              ],
              [
                'cold start (forced synth)',
                `${s(coldStart.totalMs)} (synth ${s(coldStart.assemblyMs)} + boot ${s(coldStart.bootMs)})`,
                '-',
                '-',
                '-',
                '-',
                '≤ 45 s',
                yes(coldStart.totalMs <= TARGETS.coldMs),
              ],
            ]),
        loadRow(
          `GraphQL read: todos(first: ${TODOS})`,
          read,
          directRead,
          `p50 ≤ ${TARGETS.readP50Ms} ms, ≤ ${TARGETS.readRatio}× direct, ≥ ${TARGETS.readsPerSecond}/s`,
          read.p50Ms <= TARGETS.readP50Ms &&
            readRatio <= TARGETS.readRatio &&
            read.throughput >= TARGETS.readsPerSecond &&
            read.errors === 0,
        ),
        loadRow(`direct Query (Limit ${TODOS})`, directRead, undefined, '-'),
        loadRow('GraphQL write: createTodo', write, directWrite, '-'),
        loadRow('direct PutItem (a todo)', directWrite, undefined, '-'),
      ],
      notes: [
        'Start: `ensureLocalAssembly` then `Sandbox.start` on a fresh state directory, as `npm start` does; warm reuses the assembly (input hash only), cold forces `cdk synth` of the local stage.',
        `Load: ${CONCURRENCY} closed loops over ${CONCURRENCY} keep-alive connections, ${warmupMs / 1000} s unmeasured warm-up, then ${durationMs / 1000} s measured; p50/p99 are nearest-rank over the successful requests; an answer with GraphQL errors or the wrong item count is an error.`,
        'GraphQL: API Gateway emulator → authorizer → gateway → todo subgraph (local Lambdas) → DynamoDB Local. The reader tenant holds exactly 20 todos; writes go to another tenant.',
        "Direct: `@aws-sdk/client-dynamodb` through the sandbox's AWS endpoint (which proxies to DynamoDB Local; the engine's own URL is not public on `Sandbox`), so the direct figure includes that one proxy hop.",
        `Machine: ${cpus().length} cores, 1-minute load average ${loadavg()[0]?.toFixed(1)} at the end of the run (other work on the machine inflates every figure; the ratios less so).`,
        'The load generator runs in the same Node process as the sandbox (as the e2e suite does), on the same cores: both sides of each ratio pay for it.',
        ...[...cpuPerLoad].map(([label, entries]) => cpuNote(label, entries)),
      ],
    },
  );
} finally {
  agent.destroy();
  await sandbox.stop();
  rmSync(stateDir, { recursive: true, force: true });
}

/**
 * Where the CPU of one request went, by process, and the throughput that CPU allows on this
 * machine's cores: the ceiling no tuning of latency can lift.
 */
function cpuNote(label: string, entries: readonly ProcessCpu[]): string {
  if (entries.length === 0) return `CPU per request (${label}): not measured (no /proc).`;
  const total = entries.reduce((sum, entry) => sum + entry.cpuMs, 0);
  const shown = entries.filter((entry) => entry.cpuMs >= 0.05);
  const parts = shown.map((entry) => `${entry.label} ${entry.cpuMs.toFixed(2)} ms`).join(', ');
  const ceiling = (cpus().length * 1000) / total;
  return `CPU per request (${label}): ${total.toFixed(2)} ms in all (${parts}); at most ${ceiling.toFixed(0)}/s on ${cpus().length} cores.`;
}
