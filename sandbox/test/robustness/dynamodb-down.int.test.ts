import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEndpoint, createAwsEndpoint } from '../../src/endpoint/index.ts';
import {
  type DynamoDbLocalEngine,
  type EngineExit,
  EngineSupervisor,
  startDynamoDbLocalEngine,
} from '../../src/engines/index.ts';

/**
 * DynamoDB Local killed mid-run, as the sandbox runs it: supervised, behind the AWS endpoint.
 * Calls fail fast with a clean AWS error while it is down, it comes back on its own on the same
 * port, and every write it acknowledged before dying is still there.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'stratum-ddb-down-'));
const downs: EngineExit[] = [];
let ups = 0;
let dynamodb: EngineSupervisor<DynamoDbLocalEngine>;
let endpoint: AwsEndpoint;
let client: DynamoDBClient;

beforeAll(async () => {
  dynamodb = await EngineSupervisor.start({
    start: (port) => startDynamoDbLocalEngine({ port, dataDir }),
    onDown: (exit) => downs.push(exit),
    onUp: () => {
      ups += 1;
    },
  });
  endpoint = await createAwsEndpoint({ port: 0 });
  endpoint.setRoute('dynamodb', { upstream: dynamodb.endpoint });
  client = new DynamoDBClient({
    endpoint: endpoint.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'STRATUMLOCAL', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
  await client.send(
    new CreateTableCommand({
      TableName: 'todos',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    }),
  );
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await endpoint?.close();
  await dynamodb?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The pid of the JVM serving `port`: the one this test started, found by its command line. */
function jvmServing(port: number): number {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const portIndex = args.indexOf('-port');
      if (args.some((arg) => arg.includes('DynamoDBLocal')) && args[portIndex + 1] === String(port)) {
        return Number(entry);
      }
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no DynamoDB Local JVM serves port ${port}`);
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('DynamoDB Local killed mid-run', () => {
  it('fails calls quickly and cleanly, recovers on the same port, and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 25; i++) {
      await client.send(new PutItemCommand({ TableName: 'todos', Item: { pk: { S: `todo-${i}` } } }));
      acknowledged.push(`todo-${i}`);
    }

    process.kill(jvmServing(dynamodb.port), 'SIGKILL');
    const started = Date.now();
    const failure = await client
      .send(new GetItemCommand({ TableName: 'todos', Key: { pk: { S: 'todo-1' } } }))
      .then(
        () => undefined,
        (error: unknown) =>
          error as { name: string; $metadata?: { httpStatusCode?: number }; message: string },
      );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(failure?.$metadata?.httpStatusCode).toBe(503);
    expect(failure?.name).toBe('ServiceUnavailable');
    expect(failure?.message).toMatch(/local engine for dynamodb .* is not answering/);

    await until(() => downs.length === 1, 10_000, 'noticing the engine is down');
    expect(downs[0]).toMatchObject({ engine: 'dynamodb-local', expected: false });
    await until(() => ups === 1, 90_000, 'the restart');
    expect(dynamodb.up).toBe(true);
    expect(dynamodb.current.port).toBe(dynamodb.port);

    const { Items } = await client.send(new ScanCommand({ TableName: 'todos' }));
    expect((Items ?? []).map((item) => item.pk?.S).sort()).toEqual([...acknowledged].sort());
    await client.send(new PutItemCommand({ TableName: 'todos', Item: { pk: { S: 'after' } } }));
  }, 120_000);
});
