/**
 * Bundle size, cold init and init + first invocation of every Lambda function, against an empty
 * handler measured in the same run (ARCHITECTURE §5). Run: `npm run bench -- cold-init` or
 * `npx tsx bench/src/cold-init.ts [--runs 15]`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RESULTS_DIR, writeBenchReport } from './bench-report.ts';
import { medianColdStart } from './cold-start-probe.ts';
import { bundleHandler } from './function-bundle.ts';
import { PROBE_EVENTS } from './probe-events.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Every function the stacks deploy, with the budget the API-tier issue sets for its init and
 * what its first invocation must answer (a probe that fails elsewhere would time the wrong path).
 */
const FUNCTIONS = [
  {
    name: 'authorizer',
    entry: 'services/authorizer/src/handler.ts',
    maxRatio: 2,
    answer: '"isAuthorized":false',
  },
  {
    name: 'post-confirmation',
    entry: 'services/identity-triggers/src/post-confirmation.ts',
    maxRatio: 2,
    answer: 'PostConfirmation_ConfirmForgotPassword',
  },
  { name: 'users', entry: 'services/users/src/handler.ts', maxRatio: 2, answer: '"FORBIDDEN"' },
  { name: 'todo', entry: 'services/todo/src/handler.ts', maxRatio: 2, answer: '"FORBIDDEN"' },
  {
    name: 'gateway',
    entry: 'services/gateway/src/handler.ts',
    maxRatio: 3,
    maxBytes: 2 * 1024 * 1024,
    answer: '\\"__typename\\":\\"Query\\"',
  },
] as const;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs expects a positive integer, got ${values.runs}`);

const bundles = join(RESULTS_DIR, 'bundles');
mkdirSync(bundles, { recursive: true });
const emptyEntry = join(bundles, 'empty-handler.mjs');
writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
const empty = await medianColdStart(emptyEntry, runs, PROBE_EVENTS.empty);

const results = [];
for (const fn of FUNCTIONS) {
  const entry = join(ROOT, fn.entry);
  if (!existsSync(entry)) throw new Error(`missing handler ${fn.entry}`);
  const bytes = await bundleHandler(entry, join(bundles, `${fn.name}.mjs`));
  const cold = await medianColdStart(join(bundles, `${fn.name}.mjs`), runs, PROBE_EVENTS[fn.name]);
  if (!cold.result.includes(fn.answer)) {
    throw new Error(`${fn.name}: the probe event got ${cold.result.slice(0, 500)}; expected ${fn.answer}`);
  }
  const ratio = cold.initMs / empty.initMs;
  const maxBytes = 'maxBytes' in fn ? fn.maxBytes : undefined;
  const pass = ratio <= fn.maxRatio && (maxBytes === undefined || bytes <= maxBytes);
  results.push({
    name: fn.name,
    bytes,
    ...cold,
    ratio,
    firstRatio: cold.initAndFirstMs / empty.initAndFirstMs,
    maxRatio: fn.maxRatio,
    maxBytes,
    pass,
  });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
writeBenchReport(
  'cold-init',
  { runs, node: process.version, cpus: cpus().length, empty, results },
  {
    title: `Cold init per function (median of ${runs} fresh Node ${process.version} processes)`,
    header: [
      'function',
      'bundle',
      'cold init',
      'init CPU',
      'vs empty',
      'target',
      'meets target',
      'first invocation',
      'init + first',
      'vs empty',
    ],
    rows: [
      [
        '(empty handler)',
        '-',
        ms(empty.initMs),
        ms(empty.initCpuMs),
        '1.00×',
        '-',
        '-',
        ms(empty.firstInvokeMs),
        ms(empty.initAndFirstMs),
        '1.00×',
      ],
      ...results.map((r) => [
        r.name,
        kib(r.bytes),
        ms(r.initMs),
        ms(r.initCpuMs),
        `${r.ratio.toFixed(2)}×`,
        `≤ ${r.maxRatio}×${r.maxBytes ? `, ≤ ${kib(r.maxBytes)}` : ''}`,
        r.pass ? 'yes' : 'NO',
        ms(r.firstInvokeMs),
        ms(r.initAndFirstMs),
        `${r.firstRatio.toFixed(2)}×`,
      ]),
    ],
    notes: [
      "Cold init: from spawning `node` to the bundle's `handler` export being ready (module init, as Lambda's Init phase); the target applies to it. Init CPU: user + system CPU of that process until ready.",
      'First invocation: the handler called once with a representative event that stops before the network (bench/src/probe-events.ts); init + first is the median of their per-process sum.',
      'Bundles: `FUNCTION_BUNDLING` of `StratumFunction` (esbuild, minified ESM for node22, AWS SDK v3 inside, source map); the probe runs with `NODE_OPTIONS=--enable-source-maps` as the functions do. Tracing is disabled (no X-Ray daemon) but its modules load.',
    ],
  },
);
