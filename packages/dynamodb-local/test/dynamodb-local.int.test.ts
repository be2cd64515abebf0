import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalClient, createTable, type DynamoDbLocal, startDynamoDbLocal } from '../src/index.ts';

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function javaPidsListeningOn(port: number): number[] {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  return [...out.matchAll(/pid=(\d+)/g)].map((match) => Number(match[1]));
}

describe('startDynamoDbLocal (in memory)', () => {
  let ddb: DynamoDbLocal;
  beforeAll(async () => {
    ddb = await startDynamoDbLocal();
  });
  afterAll(async () => {
    await ddb?.stop();
  });

  it('answers on a free loopback port', async () => {
    expect(ddb.endpoint).toBe(`http://127.0.0.1:${ddb.port}`);
    const client = createLocalClient(ddb.endpoint);
    const tables = await client.send(new ListTablesCommand({}));
    expect(tables.TableNames).toEqual([]);
    client.destroy();
  });

  it('listens on 127.0.0.1 only, not on the machine’s other addresses', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) return; // a machine with loopback only has nothing else to reach
    expect(await canConnect(external.address, ddb.port)).toBe(false);
    expect(await canConnect('127.0.0.1', ddb.port)).toBe(true);
  });

  it('creates the Stratum table from TABLE_SCHEMA', async () => {
    await createTable(ddb.endpoint, 'stratum-test');
    const client = createLocalClient(ddb.endpoint);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'stratum-test' }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(
      Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection?.ProjectionType]),
    ).toEqual([
      ['gsi1', 'ALL'],
      ['gsi2', 'ALL'],
    ]);
    expect(Table?.GlobalSecondaryIndexes?.[1]?.KeySchema).toEqual([
      { AttributeName: 'gsi2pk', KeyType: 'HASH' },
      { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: 'stratum-test' }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'ttl', TimeToLiveStatus: 'ENABLED' });
    client.destroy();
  });

  it('shares one database across regions and credentials (-sharedDb)', async () => {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const other = new DynamoDBClient({
      endpoint: ddb.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'someone', secretAccessKey: 'else' },
    });
    const tables = await other.send(new ListTablesCommand({}));
    expect(tables.TableNames).toContain('stratum-test');
    other.destroy();
  });
});

describe('startDynamoDbLocal lifecycle', () => {
  it('stop() ends the JVM and frees the port', async () => {
    const ddb = await startDynamoDbLocal();
    const [pid] = javaPidsListeningOn(ddb.port);
    expect(pid).toBeTypeOf('number');
    await ddb.stop();
    expect(isRunning(pid as number)).toBe(false);
    expect(await canConnect('127.0.0.1', ddb.port)).toBe(false);
    await ddb.stop(); // idempotent
  });

  it('keeps data in dataDir across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratum-ddb-'));
    try {
      const first = await startDynamoDbLocal({ dataDir });
      await createTable(first.endpoint, 'kept');
      const client = createLocalClient(first.endpoint);
      await client.send(new PutItemCommand({ TableName: 'kept', Item: { pk: { S: 'a' }, sk: { S: 'b' } } }));
      client.destroy();
      await first.stop();

      const second = await startDynamoDbLocal({ dataDir });
      const again = createLocalClient(second.endpoint);
      const { Item } = await again.send(
        new GetItemCommand({ TableName: 'kept', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }),
      );
      expect(Item).toEqual({ pk: { S: 'a' }, sk: { S: 'b' } });
      again.destroy();
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails with a clear error when the port is taken', async () => {
    const running = await startDynamoDbLocal();
    try {
      await expect(startDynamoDbLocal({ port: running.port })).rejects.toThrow(/exited during start/);
    } finally {
      await running.stop();
    }
  });

  it('fails with a clear error when Java is missing', async () => {
    const saved = { path: process.env.PATH, javaHome: process.env.JAVA_HOME };
    process.env.PATH = '/nonexistent';
    delete process.env.JAVA_HOME;
    try {
      await expect(startDynamoDbLocal()).rejects.toThrow(/Java was not found/);
    } finally {
      process.env.PATH = saved.path;
      if (saved.javaHome !== undefined) process.env.JAVA_HOME = saved.javaHome;
    }
  });
});
