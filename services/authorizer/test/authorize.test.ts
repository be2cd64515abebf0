import { beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '../src/authorize.ts';
import { TokenVerifier } from '../src/token-verifier.ts';
import {
  configFor,
  createTestPool,
  idTokenClaims,
  inMemoryFetcher,
  sign,
  signHs256WithPublicKey,
  type TestPool,
  unsigned,
  unsignedWithKid,
} from './token-factory.ts';

let customer: TestPool;
let staff: TestPool;
let stranger: TestPool;

const TENANT = { 'custom:tenant_id': '01J9Z3K6QF7T2B8X4M5N6P7R8S', 'custom:tenant_role': 'owner' };

beforeAll(async () => {
  customer = await createTestPool(
    'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Customer',
    'web-client',
    'c1',
  );
  // The sandbox's pools live on loopback HTTP with a non-Cognito issuer format.
  staff = await createTestPool('http://127.0.0.1:9229/local_Staff', 'internal-client', 's1');
  stranger = await createTestPool('https://attacker.example/pool', 'web-client', 'c1');
});

function newVerifier() {
  const fetcher = inMemoryFetcher([customer, staff]);
  return { verifier: new TokenVerifier(configFor(customer, staff), { fetcher }), fetcher };
}

async function rejectionOf(header: string | undefined) {
  const decision = await authorize(header, newVerifier().verifier);
  expect(decision.response).toEqual({ isAuthorized: false });
  return 'rejection' in decision ? decision.rejection : 'authorized';
}

describe('authorize: happy paths', () => {
  it('authorizes a customer ID token and passes the tenant on, as flat strings', async () => {
    const token = await sign(
      customer,
      idTokenClaims(customer, { ...TENANT, 'custom:tenant_role': 'member' }),
    );
    const decision = await authorize(`Bearer ${token}`, newVerifier().verifier);
    expect(decision.response).toEqual({
      isAuthorized: true,
      context: {
        principalType: 'customer',
        userId: '7f1c2a9e-0000-4000-8000-000000000001',
        tenantId: '01J9Z3K6QF7T2B8X4M5N6P7R8S',
        role: 'member',
        groups: '',
        email: 'ada@example.com',
      },
    });
  });

  it('authorizes a staff ID token from a loopback-HTTP issuer, without tenant fields', async () => {
    const token = await sign(
      staff,
      idTokenClaims(staff, { sub: 'staff-1', 'cognito:groups': ['staff', 'support'] }),
    );
    const decision = await authorize(`bearer ${token}`, newVerifier().verifier);
    expect(decision.response).toEqual({
      isAuthorized: true,
      context: {
        principalType: 'staff',
        userId: 'staff-1',
        groups: 'staff,support',
        email: 'ada@example.com',
      },
    });
  });

  it('accepts a bare token without the Bearer scheme', async () => {
    const token = await sign(customer, idTokenClaims(customer, TENANT));
    const decision = await authorize(token, newVerifier().verifier);
    expect(decision.response.isAuthorized).toBe(true);
  });

  it('fetches each pool key set once and reuses it across requests', async () => {
    const { verifier, fetcher } = newVerifier();
    for (let i = 0; i < 3; i++) {
      const token = await sign(customer, idTokenClaims(customer, { ...TENANT, sub: `user-${i}` }));
      expect((await authorize(`Bearer ${token}`, verifier)).response.isAuthorized).toBe(true);
    }
    expect(fetcher.calls).toEqual([customer.jwksUri]);
  });
});

describe('authorize: every bad token is denied, with its reason', () => {
  it('missing header', async () => {
    expect(await rejectionOf(undefined)).toBe('missing_token');
  });

  it('empty bearer', async () => {
    expect(await rejectionOf('Bearer   ')).toBe('missing_token');
  });

  it('garbage', async () => {
    expect(await rejectionOf('Bearer not-a-jwt')).toBe('malformed');
    expect(await rejectionOf('Basic dXNlcjpwYXNz')).toBe('malformed');
    expect(await rejectionOf('Bearer a.b.c')).toBe('malformed');
  });

  it('expired', async () => {
    const claims = idTokenClaims(customer, {
      ...TENANT,
      iat: Date.now() / 1000 - 7200,
      exp: Date.now() / 1000 - 60,
    });
    expect(await rejectionOf(`Bearer ${await sign(customer, claims)}`)).toBe('expired');
  });

  it('not yet valid', async () => {
    const claims = idTokenClaims(customer, { ...TENANT, nbf: Math.floor(Date.now() / 1000) + 3600 });
    expect(await rejectionOf(`Bearer ${await sign(customer, claims)}`)).toBe('not_yet_valid');
  });

  it('without an expiry', async () => {
    const claims = idTokenClaims(customer, { ...TENANT, exp: undefined });
    expect(await rejectionOf(`Bearer ${await sign(customer, claims)}`)).toBe('malformed');
  });

  it('forged: right issuer and key id, signed with another key', async () => {
    const forged = await sign(customer, idTokenClaims(customer, TENANT), stranger);
    expect(await rejectionOf(`Bearer ${forged}`)).toBe('bad_signature');
  });

  it('signed with a key id the pool never published', async () => {
    const token = await sign(customer, idTokenClaims(customer, TENANT), customer, { kid: 'rotated-away' });
    expect(await rejectionOf(`Bearer ${token}`)).toBe('unknown_key');
  });

  it('wrong issuer', async () => {
    const token = await sign(stranger, idTokenClaims(stranger, TENANT));
    expect(await rejectionOf(`Bearer ${token}`)).toBe('wrong_issuer');
  });

  it('issuer of one pool, signed by the other pool', async () => {
    const token = await sign(staff, idTokenClaims(customer, TENANT), staff);
    expect(await rejectionOf(`Bearer ${token}`)).toBe('unknown_key');
  });

  it('wrong audience / client id', async () => {
    const token = await sign(customer, idTokenClaims(customer, { ...TENANT, aud: 'some-other-client' }));
    expect(await rejectionOf(`Bearer ${token}`)).toBe('wrong_audience');
  });

  it('a staff client id presented to the customer pool', async () => {
    const token = await sign(customer, idTokenClaims(customer, { ...TENANT, aud: staff.clientId }));
    expect(await rejectionOf(`Bearer ${token}`)).toBe('wrong_audience');
  });

  it('access token where an ID token is expected', async () => {
    const claims = idTokenClaims(customer, {
      ...TENANT,
      token_use: 'access',
      aud: undefined,
      client_id: customer.clientId,
      scope: 'aws.cognito.signin.user.admin',
    });
    expect(await rejectionOf(`Bearer ${await sign(customer, claims)}`)).toBe('wrong_token_use');
  });

  it('alg none, empty signature', async () => {
    expect(await rejectionOf(`Bearer ${unsigned(idTokenClaims(customer, TENANT))}`)).toBe('alg_none');
  });

  it('alg none, naming a real key id and carrying signature bytes', async () => {
    expect(await rejectionOf(`Bearer ${unsignedWithKid(customer, idTokenClaims(customer, TENANT))}`)).toBe(
      'alg_none',
    );
  });

  it('HS256 signed with the public key as the secret', async () => {
    const token = await signHs256WithPublicKey(customer, idTokenClaims(customer, TENANT));
    expect(await rejectionOf(`Bearer ${token}`)).toBe('bad_algorithm');
  });

  it('customer token without a tenant claim', async () => {
    const token = await sign(customer, idTokenClaims(customer, { 'custom:tenant_role': 'owner' }));
    expect(await rejectionOf(`Bearer ${token}`)).toBe('missing_tenant');
  });

  it('customer token with an invalid tenant claim', async () => {
    const badId = await sign(customer, idTokenClaims(customer, { ...TENANT, 'custom:tenant_id': 'T#1' }));
    expect(await rejectionOf(`Bearer ${badId}`)).toBe('missing_tenant');
    const badRole = await sign(
      customer,
      idTokenClaims(customer, { ...TENANT, 'custom:tenant_role': 'admin' }),
    );
    expect(await rejectionOf(`Bearer ${badRole}`)).toBe('missing_tenant');
  });

  it('customer claims to be staff: a staff group in a customer-pool token grants nothing', async () => {
    const token = await sign(customer, idTokenClaims(customer, { ...TENANT, 'cognito:groups': ['staff'] }));
    expect(await rejectionOf(`Bearer ${token}`)).toBe('customer_claims_staff');
  });

  it('staff-pool token without the staff group', async () => {
    const token = await sign(staff, idTokenClaims(staff, { 'cognito:groups': ['support'] }));
    expect(await rejectionOf(`Bearer ${token}`)).toBe('not_staff');
    const noGroups = await sign(staff, idTokenClaims(staff));
    expect(await rejectionOf(`Bearer ${noGroups}`)).toBe('not_staff');
  });

  it('token too large to be a Cognito token', async () => {
    expect(await rejectionOf(`Bearer ${'a'.repeat(20_000)}`)).toBe('malformed');
  });
});
