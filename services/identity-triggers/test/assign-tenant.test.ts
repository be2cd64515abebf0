import { describe, expect, it } from 'vitest';
import { assignTenant } from '../src/assign-tenant.ts';
import type { ConfirmedUser } from '../src/confirmed-user.ts';
import { TenantAssignmentError } from '../src/errors.ts';
import { foundingTenantId } from '../src/tenant-id.ts';
import { InMemoryIdentityStore, RecordingAttributeWriter } from './fakes.ts';

const ada: ConfirmedUser = {
  userPoolId: 'eu-west-1_Customers',
  userName: 'ada-username',
  userId: 'a1b2c3d4-0000-4000-8000-000000000001',
  email: 'ada@example.com',
  displayName: 'Ada Lovelace',
  requestedTenantName: 'Analytical Engines',
};

function setUp() {
  const store = new InMemoryIdentityStore();
  const attributes = new RecordingAttributeWriter();
  return { store, attributes, deps: { store, attributes } };
}

describe('assignTenant', () => {
  it('founds a tenant owned by a new user and writes the tenant claims', async () => {
    const { store, attributes, deps } = setUp();
    const assignment = await assignTenant(ada, deps);
    const tenantId = foundingTenantId(ada.userPoolId, ada.userId);
    expect(assignment).toEqual({ tenantId, role: 'owner', outcome: 'founded-tenant' });
    expect([...store.tenantsById.values()]).toEqual([
      expect.objectContaining({ tenantId, name: 'Analytical Engines' }),
    ]);
    expect(store.memberList).toEqual([
      expect.objectContaining({
        tenantId,
        userId: ada.userId,
        email: ada.email,
        displayName: 'Ada Lovelace',
      }),
    ]);
    expect(attributes.writes).toEqual([
      { userPoolId: ada.userPoolId, userName: 'ada-username', tenant: { tenantId, role: 'owner' } },
    ]);
  });

  it("names the tenant after the e-mail's local part when no name was given", async () => {
    const { store, deps } = setUp();
    await assignTenant({ ...ada, requestedTenantName: null }, deps);
    expect([...store.tenantsById.values()].map((tenant) => tenant.name)).toEqual(["ada's team"]);
  });

  it('accepts a pending invitation: joins that tenant with the invited role, founds nothing', async () => {
    const { store, attributes, deps } = setUp();
    const invitation = store.invite({
      tenantId: 'tenant-acme',
      email: ada.email,
      role: 'member',
      expiresInHours: 24,
    });
    const assignment = await assignTenant(ada, deps);
    expect(assignment).toEqual({ tenantId: 'tenant-acme', role: 'member', outcome: 'accepted-invitation' });
    expect(store.tenantsById.size).toBe(0);
    expect(store.invitationList).toEqual([{ ...invitation, status: 'accepted' }]);
    expect(store.memberList).toEqual([
      expect.objectContaining({ tenantId: 'tenant-acme', userId: ada.userId }),
    ]);
    expect(attributes.writes.map((write) => write.tenant)).toEqual([
      { tenantId: 'tenant-acme', role: 'member' },
    ]);
  });

  it('ignores an expired invitation and founds a tenant instead', async () => {
    const { store, deps } = setUp();
    store.invite({ tenantId: 'tenant-acme', email: ada.email, role: 'owner', expiresInHours: -1 });
    const assignment = await assignTenant(ada, deps);
    expect(assignment.outcome).toBe('founded-tenant');
    expect(assignment.tenantId).not.toBe('tenant-acme');
    expect(store.invitationList.map((invitation) => invitation.status)).toEqual(['pending']);
  });

  it('on a retry, creates nothing and writes the same claims again', async () => {
    const { store, attributes, deps } = setUp();
    const first = await assignTenant(ada, deps);
    const retry = await assignTenant(ada, deps);
    expect(retry).toEqual({ tenantId: first.tenantId, role: 'owner', outcome: 'already-member' });
    expect(store.tenantsById.size).toBe(1);
    expect(store.memberList).toHaveLength(1);
    expect(attributes.writes.map((write) => write.tenant)).toEqual([
      { tenantId: first.tenantId, role: 'owner' },
      { tenantId: first.tenantId, role: 'owner' },
    ]);
  });

  it('a retry that overlaps the first attempt still leaves one tenant', async () => {
    const { store, deps } = setUp();
    const [first, second] = await Promise.all([assignTenant(ada, deps), assignTenant(ada, deps)]);
    expect(store.tenantsById.size).toBe(1);
    expect(store.memberList).toHaveLength(1);
    expect(second?.tenantId).toBe(first?.tenantId);
  });

  it('a retry that cannot see the membership yet (index lag) still founds nothing new', async () => {
    const { store, attributes, deps } = setUp();
    const first = await assignTenant(ada, deps);
    store.memberIndexLags = true;
    const retry = await assignTenant(ada, deps);
    expect(retry).toEqual({ tenantId: first.tenantId, role: 'owner', outcome: 'founded-tenant' });
    expect(store.tenantsById.size).toBe(1);
    expect(attributes.writes.map((write) => write.tenant.tenantId)).toEqual([first.tenantId, first.tenantId]);
  });

  it('overlapping retries accept an invitation once', async () => {
    const { store, deps } = setUp();
    store.invite({ tenantId: 'tenant-acme', email: ada.email, role: 'member', expiresInHours: 24 });
    const results = await Promise.all([assignTenant(ada, deps), assignTenant(ada, deps)]);
    expect(results.map((result) => result.tenantId)).toEqual(['tenant-acme', 'tenant-acme']);
    expect(store.memberList).toHaveLength(1);
  });

  it('refuses an e-mail whose membership belongs to another user id', async () => {
    const { store, attributes, deps } = setUp();
    await assignTenant({ ...ada, userId: 'someone-else' }, deps);
    await expect(assignTenant(ada, deps)).rejects.toThrow(TenantAssignmentError);
    expect(store.tenantsById.size).toBe(1);
    expect(attributes.writes).toHaveLength(1);
  });

  it('reports a store failure as a TenantAssignmentError carrying the cause, writing no claims', async () => {
    const { store, attributes, deps } = setUp();
    const outage = new Error('ProvisionedThroughputExceededException');
    store.failNextCreate = outage;
    const failure = await assignTenant(ada, deps).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TenantAssignmentError);
    expect((failure as TenantAssignmentError).cause).toBe(outage);
    expect(attributes.writes).toEqual([]);
  });
});

describe('foundingTenantId', () => {
  it('is a version-5 UUID, stable per pool and user, and distinct between users', () => {
    const id = foundingTenantId('eu-west-1_Customers', 'user-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(foundingTenantId('eu-west-1_Customers', 'user-1')).toBe(id);
    expect(foundingTenantId('eu-west-1_Customers', 'user-2')).not.toBe(id);
    expect(foundingTenantId('eu-west-1_Other', 'user-1')).not.toBe(id);
  });
});
