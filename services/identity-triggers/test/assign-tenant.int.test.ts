import { createDataStore, type DataStore, INVITATION_LIFETIME_MS } from '@stratum/data';
import {
  createLocalClient,
  createTable,
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignTenant } from '../src/assign-tenant.ts';
import type { ConfirmedUser } from '../src/confirmed-user.ts';
import { RecordingAttributeWriter } from './fakes.ts';

// The same domain function against the real data layer on DynamoDB Local: conditional
// creates and transactions decide the overlapping-retry cases here, not a fake.
let ddb: DynamoDbLocal | undefined;
let store: DataStore;
let storeAt: (now: () => Date) => DataStore;

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  await createTable(ddb.endpoint, 'stratum');
  const client = createLocalClient(ddb.endpoint);
  store = createDataStore({ tableName: 'stratum', client });
  storeAt = (now) => createDataStore({ tableName: 'stratum', client, now });
});

afterAll(async () => {
  await ddb?.stop();
});

let counter = 0;
function newUser(): ConfirmedUser {
  counter += 1;
  const id = `${process.pid}-${counter}-${Date.now()}`;
  return {
    userPoolId: 'local_Customers',
    userName: `user-${id}`,
    userId: `sub-${id}`,
    email: `user-${id}@example.com`,
    displayName: `User ${counter}`,
    requestedTenantName: null,
  };
}

describe('assignTenant on DynamoDB Local', () => {
  it('founds one tenant, and a retry finds the membership', async () => {
    const user = newUser();
    const attributes = new RecordingAttributeWriter();
    const first = await assignTenant(user, { store, attributes });
    const retry = await assignTenant(user, { store, attributes });
    expect(first.outcome).toBe('founded-tenant');
    expect(retry).toEqual({ tenantId: first.tenantId, role: 'owner', outcome: 'already-member' });
    const scope = { tenantId: first.tenantId, userId: user.userId };
    expect(await store.tenants.get(scope)).toMatchObject({ name: `${user.email.split('@')[0]}'s team` });
    expect((await store.members.list(scope)).items).toEqual([
      expect.objectContaining({ userId: user.userId }),
    ]);
  });

  it('overlapping runs found exactly one tenant', async () => {
    const user = newUser();
    const attributes = new RecordingAttributeWriter();
    const runs = await Promise.all([1, 2, 3].map(() => assignTenant(user, { store, attributes })));
    expect(new Set(runs.map((run) => run.tenantId)).size).toBe(1);
    const tenantId = runs[0]?.tenantId ?? '';
    expect((await store.members.list({ tenantId, userId: user.userId })).items).toHaveLength(1);
    expect(attributes.writes).toHaveLength(3);
  });

  it('joins the inviting tenant with the invited role, once, under overlapping runs', async () => {
    const owner = newUser();
    const founded = await assignTenant(owner, { store, attributes: new RecordingAttributeWriter() });
    const ownerScope = { tenantId: founded.tenantId, userId: owner.userId };
    const invitee = newUser();
    await store.invitations.create(ownerScope, { email: invitee.email, role: 'member' });
    const runs = await Promise.all(
      [1, 2].map(() => assignTenant(invitee, { store, attributes: new RecordingAttributeWriter() })),
    );
    expect(runs.map((run) => [run.tenantId, run.role])).toEqual([
      [founded.tenantId, 'member'],
      [founded.tenantId, 'member'],
    ]);
    const members = (await store.members.list(ownerScope)).items;
    expect(members.map((member) => [member.userId, member.role]).sort()).toEqual(
      [
        [owner.userId, 'owner'],
        [invitee.userId, 'member'],
      ].sort(),
    );
  });

  it('ignores an invitation that has expired', async () => {
    const owner = newUser();
    const founded = await assignTenant(owner, { store, attributes: new RecordingAttributeWriter() });
    const invitee = newUser();
    await store.invitations.create(
      { tenantId: founded.tenantId, userId: owner.userId },
      {
        email: invitee.email,
        role: 'member',
      },
    );
    const later = () => new Date(Date.now() + INVITATION_LIFETIME_MS + 60_000);
    const assignment = await assignTenant(invitee, {
      store: storeAt(later),
      attributes: new RecordingAttributeWriter(),
      now: later,
    });
    expect(assignment.outcome).toBe('founded-tenant');
    expect(assignment.tenantId).not.toBe(founded.tenantId);
  });
});
