import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { startCognitoLocalEngine } from '../../src/engines/index.ts';
import { expectEngineContract } from './engine-contract.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'stratum-cognito-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const client = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
const poolNames = async (endpoint: string) =>
  ((await client(endpoint).send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? []).map(
    (pool) => pool.Name,
  );

describe('startCognitoLocalEngine', () => {
  it('keeps the engine contract', async () => {
    await expectEngineContract(startCognitoLocalEngine, 'cognito-local');
  });

  it('keeps user pools across a restart on the same dataDir, on a new port', async () => {
    const first = await startCognitoLocalEngine({ dataDir });
    expect(first.persistent).toBe(true);
    await client(first.endpoint).send(new CreateUserPoolCommand({ PoolName: 'kept' }));
    await first.stop();
    const second = await startCognitoLocalEngine({ dataDir });
    try {
      expect(await poolNames(second.endpoint)).toEqual(['kept']);
      expect(second.issuerDomain).toBe(second.endpoint);
    } finally {
      await second.stop();
    }
  });

  it('serves the JWKS its tokens are signed with, and starts empty without dataDir', async () => {
    const cognito = await startCognitoLocalEngine();
    const { UserPool } = await client(cognito.endpoint).send(new CreateUserPoolCommand({ PoolName: 'p' }));
    const jwks = (await (
      await fetch(`${cognito.endpoint}/${UserPool?.Id}/.well-known/jwks.json`)
    ).json()) as {
      keys: Array<{ kty: string }>;
    };
    expect(jwks.keys[0]?.kty).toBe('RSA');
    await cognito.stop();
    const again = await startCognitoLocalEngine();
    try {
      expect(await poolNames(again.endpoint)).toEqual([]);
    } finally {
      await again.stop();
    }
  });
});
