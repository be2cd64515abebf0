/**
 * Bundle size and cold init of every Lambda function, against an empty handler measured in
 * the same run (ARCHITECTURE §5). Run: `npm run bench -- cold-init` or
 * `npx tsx bench/src/cold-init.ts [--runs 15]`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RESULTS_DIR, writeBenchReport } from './bench-report.ts';
import { medianColdStart } from './cold-start-probe.ts';
import { bundleHandler } from './function-bundle.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Every function the stacks deploy, with the budget the API-tier issue sets for it. */
const FUNCTIONS = [
  { name: 'authorizer', entry: 'services/authorizer/src/handler.ts', maxRatio: 2 },
  { name: 'post-confirmation', entry: 'services/identity-triggers/src/post-confirmation.ts', maxRatio: 2 },
  { name: 'users', entry: 'services/users/src/handler.ts', maxRatio: 2 },
  { name: 'todo', entry: 'services/todo/src/handler.ts', maxRatio: 2 },
  { name: 'gateway', entry: 'services/gateway/src/handler.ts', maxRatio: 3, maxBytes: 2 * 1024 * 1024 },
] as const;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs expects a positive integer, got ${values.runs}`);

const bundles = join(RESULTS_DIR, 'bundles');
mkdirSync(bundles, { recursive: true });
const emptyEntry = join(bundles, 'empty-handler.mjs');
writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
const emptyMs = await medianColdStart(emptyEntry, runs);

const results = [];
for (const fn of FUNCTIONS) {
  const entry = join(ROOT, fn.entry);
  if (!existsSync(entry)) throw new Error(`missing handler ${fn.entry}`);
  const bytes = await bundleHandler(entry, join(bundles, `${fn.name}.mjs`));
  const coldMs = await medianColdStart(join(bundles, `${fn.name}.mjs`), runs);
  const ratio = coldMs / emptyMs;
  const maxBytes = 'maxBytes' in fn ? fn.maxBytes : undefined;
  const pass = ratio <= fn.maxRatio && (maxBytes === undefined || bytes <= maxBytes);
  results.push({ name: fn.name, bytes, coldMs, ratio, maxRatio: fn.maxRatio, maxBytes, pass });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
writeBenchReport(
  'cold-init',
  { runs, node: process.version, cpus: cpus().length, emptyMs, results },
  {
    title: `Cold init per function (median of ${runs} fresh Node ${process.version} processes)`,
    header: ['function', 'bundle', 'cold init', 'vs empty handler', 'target', 'meets target'],
    rows: [
      ['(empty handler)', '-', `${emptyMs.toFixed(1)} ms`, '1.00×', '-', '-'],
      ...results.map((r) => [
        r.name,
        kib(r.bytes),
        `${r.coldMs.toFixed(1)} ms`,
        `${r.ratio.toFixed(2)}×`,
        `≤ ${r.maxRatio}×${r.maxBytes ? `, ≤ ${kib(r.maxBytes)}` : ''}`,
        r.pass ? 'yes' : 'NO',
      ]),
    ],
    notes: [
      "Cold init: from spawning `node` to the bundle's `handler` export being ready (module init, as Lambda's Init phase).",
      'Bundles: esbuild, minified ESM for node22, AWS SDK v3 bundled — the settings of `StratumFunction`.',
    ],
  },
);
