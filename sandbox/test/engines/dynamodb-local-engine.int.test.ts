import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocalEngine } from '../../src/engines/index.ts';
import { expectEngineContract } from './engine-contract.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'stratum-ddb-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const client = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });

/** The pid listening on a loopback port, from `ss` (the JVM is ours: this test started it). */
function listenerPid(port: number): number | undefined {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(out)?.[1];
    return pid ? Number(pid) : undefined;
  } catch {
    return undefined;
  }
}

describe('startDynamoDbLocalEngine', () => {
  it('keeps the engine contract', async () => {
    await expectEngineContract(startDynamoDbLocalEngine, 'dynamodb-local');
  }, 60_000);

  it('keeps tables and items across a restart on the same dataDir', async () => {
    const first = await startDynamoDbLocalEngine({ dataDir });
    expect(first.persistent).toBe(true);
    await client(first.endpoint).send(
      new CreateTableCommand({
        TableName: 'kept',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    await client(first.endpoint).send(new PutItemCommand({ TableName: 'kept', Item: { pk: { S: 'x' } } }));
    await first.stop();
    const second = await startDynamoDbLocalEngine({ dataDir });
    try {
      const { Item } = await client(second.endpoint).send(
        new GetItemCommand({ TableName: 'kept', Key: { pk: { S: 'x' } } }),
      );
      expect(Item).toEqual({ pk: { S: 'x' } });
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('notices within about a second that the JVM died', async (context) => {
    const ddb = await startDynamoDbLocalEngine();
    const pid = listenerPid(ddb.port);
    if (pid === undefined) {
      await ddb.stop();
      context.skip('`ss -ltnp` cannot show the JVM pid here');
    }
    process.kill(pid ?? 0, 'SIGKILL');
    const started = Date.now();
    await expect(ddb.exited).resolves.toMatchObject({
      expected: false,
      reason: expect.stringContaining('stopped accepting'),
    });
    expect(Date.now() - started).toBeLessThan(2_500);
    await ddb.stop();
  }, 60_000);
});
