/**
 * Which single-table library should `@stratum/data` use? Measures, for ElectroDB and
 * dynamodb-toolbox v2, the two costs a Lambda function pays for its choice: bundle size and cold
 * init (a fresh Node process importing the bundle until the handler is ready), next to an empty
 * handler and a plain AWS SDK handler measured in the same run.
 *
 * Each library models the same Todo entity (keys `T#<tenant>` / `TODO#<id>`, the status+due-date
 * GSI) with put/get/query. Before timing, every bundle is invoked once against DynamoDB Local and
 * must round-trip a todo, so the figures are for models that work, not for bare imports.
 *
 * Run: `npx tsx bench/src/ddb-library.ts` (writes bench/results/ddb-library.{json,md}).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createTable, LOCAL_CREDENTIALS, startDynamoDbLocal } from '@stratum/dynamodb-local';
import { build } from 'esbuild';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const RESULTS_DIR = new URL('../results/', import.meta.url);
const BUNDLE_DIR = new URL('ddb-library/', RESULTS_DIR);
const TABLE_NAME = 'stratum-bench';

/** The smallest possible function: the floor every other figure is compared with. */
const EMPTY_HANDLER = `export const handler = async () => ({ ok: true });`;

/** The same work with the SDK's DocumentClient and hand-written keys: the cost of no library. */
const SDK_HANDLER = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TableName = process.env.TABLE_NAME;
export const handler = async ({ tenantId, todoId }) => {
  const now = new Date().toISOString();
  await db.send(new PutCommand({
    TableName,
    Item: {
      pk: 'T#' + tenantId, sk: 'TODO#' + todoId, gsi1pk: 'T#' + tenantId + '#TODO#open', gsi1sk: '9999-12-31#' + todoId,
      tenantId, todoId, title: 'bench', status: 'open', tags: [], createdBy: 'u', createdAt: now, version: 1,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  }));
  const got = await db.send(new GetCommand({ TableName, Key: { pk: 'T#' + tenantId, sk: 'TODO#' + todoId } }));
  const page = await db.send(new QueryCommand({
    TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': 'T#' + tenantId, ':sk': 'TODO#' }, Limit: 10,
  }));
  return { title: got.Item?.title, count: page.Items?.length ?? 0 };
};`;

/** The Todo entity in ElectroDB 3: key templates give the same physical keys as the others. */
const ELECTRODB_HANDLER = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const Todo = new Entity({
  model: { entity: 'todo', version: '1', service: 'stratum' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    todoId: { type: 'string', required: true, readOnly: true },
    title: { type: 'string', required: true },
    notes: { type: 'string' },
    status: { type: ['open', 'done'], required: true, default: 'open' },
    dueDate: { type: 'string' },
    tags: { type: 'list', items: { type: 'string' }, default: () => [] },
    createdBy: { type: 'string', required: true },
    createdAt: { type: 'string', required: true },
    version: { type: 'number', required: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId'], template: 'T#\${tenantId}' },
      sk: { field: 'sk', composite: ['todoId'], template: 'TODO#\${todoId}' },
    },
    byStatusDue: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'status'], template: 'T#\${tenantId}#TODO#\${status}' },
      sk: { field: 'gsi1sk', composite: ['dueDate', 'todoId'] },
    },
  },
}, { client, table: process.env.TABLE_NAME });
export const handler = async ({ tenantId, todoId }) => {
  await Todo.put({ tenantId, todoId, title: 'bench', createdBy: 'u', createdAt: new Date().toISOString(), version: 1, dueDate: '9999-12-31' })
    .where(({ todoId }, { notExists }) => notExists(todoId)).go();
  const got = await Todo.get({ tenantId, todoId }).go();
  const page = await Todo.query.byId({ tenantId }).go({ limit: 10 });
  return { title: got.data?.title, count: page.data.length };
};`;

/** The Todo entity in dynamodb-toolbox 2: schema + computed keys, deep imports only. */
const TOOLBOX_HANDLER = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { list } from 'dynamodb-toolbox/schema/list';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const table = new Table({
  name: process.env.TABLE_NAME,
  partitionKey: { name: 'pk', type: 'string' },
  sortKey: { name: 'sk', type: 'string' },
  indexes: { gsi1: { type: 'global', partitionKey: { name: 'gsi1pk', type: 'string' }, sortKey: { name: 'gsi1sk', type: 'string' } } },
  documentClient,
});
const Todo = new Entity({
  name: 'todo',
  table,
  schema: item({
    tenantId: string().key(),
    todoId: string().key(),
    title: string(),
    notes: string().optional(),
    status: string().enum('open', 'done').default('open'),
    dueDate: string().optional(),
    tags: list(string()).default(() => []),
    createdBy: string(),
    version: number(),
  }).and((schema) => ({
    gsi1pk: string().link(({ tenantId, status }) => 'T#' + tenantId + '#TODO#' + status),
    gsi1sk: string().link(({ dueDate, todoId }) => (dueDate ?? '9999-12-31') + '#' + todoId),
  })),
  computeKey: ({ tenantId, todoId }) => ({ pk: 'T#' + tenantId, sk: 'TODO#' + todoId }),
});
export const handler = async ({ tenantId, todoId }) => {
  await Todo.build(PutItemCommand).item({ tenantId, todoId, title: 'bench', createdBy: 'u', version: 1 })
    .options({ condition: { attr: 'todoId', exists: false } }).send();
  const got = await Todo.build(GetItemCommand).key({ tenantId, todoId }).send();
  const page = await table.build(QueryCommand).entities(Todo)
    .query({ partition: 'T#' + tenantId, range: { beginsWith: 'TODO#' } }).options({ limit: 10 }).send();
  return { title: got.Item?.title, count: page.Items?.length ?? 0 };
};`;

const CANDIDATES = [
  { name: 'empty', label: 'empty handler (baseline)', source: EMPTY_HANDLER, usesTable: false },
  { name: 'sdk', label: 'AWS SDK DocumentClient only', source: SDK_HANDLER, usesTable: true },
  { name: 'electrodb', label: 'ElectroDB 3.9.3', source: ELECTRODB_HANDLER, usesTable: true },
  { name: 'toolbox', label: 'dynamodb-toolbox 2.10.6', source: TOOLBOX_HANDLER, usesTable: true },
] as const;

type CandidateName = (typeof CANDIDATES)[number]['name'];

/** Bundles as the CDK does for Lambda: ESM, minified, node22, the AWS SDK bundled in. */
async function bundle(name: CandidateName, source: string): Promise<string> {
  const outfile = new URL(`${name}.mjs`, BUNDLE_DIR).pathname;
  await build({
    stdin: { contents: source, resolveDir: new URL('.', import.meta.url).pathname, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    logLevel: 'error',
    // CommonJS dependencies of the SDK call require() for Node built-ins.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  });
  return outfile;
}

function lambdaEnvironment(endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    TABLE_NAME,
  };
}

/** Imports the bundle in a fresh process and runs the handler once: the model must work. */
function invokeOnce(file: string, endpoint: string): unknown {
  const script = `const m = await import(process.env.BUNDLE);
const out = await m.handler({ tenantId: 'bench-tenant', todoId: 'todo-' + Date.now() + Math.random() });
console.log(JSON.stringify(out));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...lambdaEnvironment(endpoint), BUNDLE: file },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** Milliseconds from process start (performance.timeOrigin) until the handler is exported. */
function coldInitMs(file: string, endpoint: string): number {
  const script = `await import(process.env.BUNDLE); process.stdout.write(String(performance.now()));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...lambdaEnvironment(endpoint), BUNDLE: file },
    encoding: 'utf8',
  });
  return Number(out);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

async function main(): Promise<void> {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const ddb = await startDynamoDbLocal();
  try {
    await createTable(ddb.endpoint, TABLE_NAME);
    const bundles = new Map<CandidateName, string>();
    for (const candidate of CANDIDATES) {
      const file = await bundle(candidate.name, candidate.source);
      bundles.set(candidate.name, file);
      if (candidate.usesTable) {
        const result = invokeOnce(file, ddb.endpoint) as { title?: string; count?: number };
        if (result.title !== 'bench' || !result.count) {
          throw new Error(
            `${candidate.name}: the model did not round-trip a todo: ${JSON.stringify(result)}`,
          );
        }
      }
    }

    // Interleaved rounds, so drift in machine load hits every candidate alike.
    const samples = new Map<CandidateName, number[]>(CANDIDATES.map((c) => [c.name, []]));
    for (const candidate of CANDIDATES) coldInitMs(bundles.get(candidate.name) ?? '', ddb.endpoint); // warm the disk cache
    for (let run = 0; run < RUNS; run++) {
      for (const candidate of CANDIDATES) {
        samples.get(candidate.name)?.push(coldInitMs(bundles.get(candidate.name) ?? '', ddb.endpoint));
      }
    }

    const emptyMs = median(samples.get('empty') ?? []);
    const emptyBytes = statSync(bundles.get('empty') ?? '').size;
    const rows = CANDIDATES.map((candidate) => {
      const file = bundles.get(candidate.name) ?? '';
      const bytes = statSync(file).size;
      const initMs = median(samples.get(candidate.name) ?? []);
      return {
        name: candidate.name,
        label: candidate.label,
        bundleBytes: bytes,
        bundleGzipBytes: gzipSync(readFileSync(file)).length,
        coldInitMedianMs: Number(initMs.toFixed(1)),
        coldInitVsEmpty: Number((initMs / emptyMs).toFixed(2)),
        coldInitOverEmptyMs: Number((initMs - emptyMs).toFixed(1)),
        samplesMs: (samples.get(candidate.name) ?? []).map((ms) => Number(ms.toFixed(1))),
      };
    });

    const report = {
      benchmark: 'ddb-library',
      date: new Date().toISOString(),
      node: process.version,
      runs: RUNS,
      method:
        'esbuild bundle (minify, esm, node22, SDK bundled); cold init = performance.now() in a fresh node process after import()',
      emptyBundleBytes: emptyBytes,
      results: rows,
    };
    writeFileSync(new URL('ddb-library.json', RESULTS_DIR), `${JSON.stringify(report, null, 2)}\n`);
    const table = [
      `# DynamoDB library: bundle size and cold init (${RUNS} runs, median, ${process.version})`,
      '',
      '| Handler | Bundle | Gzip | Cold init (median) | vs empty | over empty |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows.map(
        (row) =>
          `| ${row.label} | ${(row.bundleBytes / 1024).toFixed(0)} KiB | ${(row.bundleGzipBytes / 1024).toFixed(0)} KiB | ` +
          `${row.coldInitMedianMs} ms | ${row.coldInitVsEmpty}× | +${row.coldInitOverEmptyMs} ms |`,
      ),
      '',
    ].join('\n');
    writeFileSync(new URL('ddb-library.md', RESULTS_DIR), table);
    console.log(table);
  } finally {
    await ddb.stop();
  }
}

await main();
