import { describe, expect, it } from 'vitest';
import {
  DataValidationError,
  INVITATION_LIFETIME_MS,
  InvitationNotFoundError,
  InvitationStateError,
  MemberNotFoundError,
  TenantAlreadyExistsError,
  TenantNotFoundError,
} from '../src/index.ts';
import { newScope, useLocalStore } from './support/local-store.ts';

const local = useLocalStore();

async function tenantWithOwner(label = 't') {
  const scope = newScope(label);
  const email = `${scope.userId}@${scope.tenantId}.example.com`;
  const created = await local.store.tenants.createWithOwner({
    tenantId: scope.tenantId,
    name: `Tenant ${label}`,
    owner: { userId: scope.userId, email: email.toUpperCase(), displayName: 'Owner' },
  });
  return { scope, email, ...created };
}

describe('tenants', () => {
  it('creates a tenant with its owner in one transaction', async () => {
    const { scope, email, tenant, owner } = await tenantWithOwner();
    expect(await local.store.tenants.get(scope)).toEqual(tenant);
    expect(owner).toMatchObject({ tenantId: scope.tenantId, role: 'owner', email });
    expect(await local.store.members.get(scope, scope.userId)).toEqual(owner);
  });

  it('refuses a taken tenant id and writes nothing', async () => {
    const { scope } = await tenantWithOwner();
    await expect(
      local.store.tenants.createWithOwner({
        tenantId: scope.tenantId,
        name: 'Imposter',
        owner: { userId: 'intruder', email: 'i@example.com', displayName: 'I' },
      }),
    ).rejects.toBeInstanceOf(TenantAlreadyExistsError);
    await expect(local.store.members.get(scope, 'intruder')).rejects.toBeInstanceOf(MemberNotFoundError);
    expect((await local.store.tenants.get(scope)).name).toBe('Tenant t');
  });

  it('renames; an unknown tenant is not found', async () => {
    const { scope } = await tenantWithOwner();
    expect((await local.store.tenants.rename(scope, 'New name')).name).toBe('New name');
    expect((await local.store.tenants.get(scope)).name).toBe('New name');
    await expect(local.store.tenants.get(newScope())).rejects.toBeInstanceOf(TenantNotFoundError);
    await expect(local.store.tenants.rename(newScope(), 'x')).rejects.toBeInstanceOf(TenantNotFoundError);
  });

  it('lists every tenant for staff, page by page', async () => {
    for (let i = 0; i < 3; i++) await tenantWithOwner('list');
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await local.store.tenants.listAll({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const tenant of page.items) seen.add(tenant.tenantId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(3);
    await expect(local.store.tenants.listAll({ cursor: 'e30' })).rejects.toBeInstanceOf(DataValidationError);
  });
});

describe('members', () => {
  it('lists with a cursor, updates the profile and finds by e-mail across tenants', async () => {
    const { scope, email, owner } = await tenantWithOwner();
    const page = await local.store.members.list(scope, { limit: 1 });
    expect(page.items).toEqual([owner]);
    const updated = await local.store.members.updateProfile(scope, { displayName: 'Renamed' });
    expect(updated.displayName).toBe('Renamed');
    expect(await local.store.members.findByEmail(` ${email.toUpperCase()} `)).toEqual(updated);
    expect(await local.store.members.findByEmail('nobody@example.com')).toBeNull();
    await expect(local.store.members.findByEmail('not-an-email')).rejects.toMatchObject({ field: 'email' });
  });

  it('tenant B cannot get, list or update tenant A members', async () => {
    const a = await tenantWithOwner('a');
    const b = await tenantWithOwner('b');
    await expect(local.store.members.get(b.scope, a.scope.userId)).rejects.toBeInstanceOf(
      MemberNotFoundError,
    );
    expect((await local.store.members.list(b.scope)).items.map((m) => m.userId)).toEqual([b.scope.userId]);
    // updateProfile acts on the caller's own membership: a user of A scoped to B has none.
    await expect(
      local.store.members.updateProfile(
        { tenantId: b.scope.tenantId, userId: a.scope.userId },
        { displayName: 'x' },
      ),
    ).rejects.toBeInstanceOf(MemberNotFoundError);
    expect((await local.store.members.get(a.scope, a.scope.userId)).displayName).toBe('Owner');
    const aPage = await local.store.members.list(a.scope, { limit: 1 });
    expect(aPage.nextCursor).not.toBeNull();
    await expect(local.store.members.list(b.scope, { cursor: aPage.nextCursor ?? '' })).rejects.toMatchObject(
      {
        field: 'query.cursor',
      },
    );
  });
});

describe('invitations', () => {
  it('creates a pending invitation that expires in 7 days with a TTL', async () => {
    const { scope } = await tenantWithOwner();
    const before = Date.now();
    const invitation = await local.store.invitations.create(scope, {
      email: 'New@Example.com',
      role: 'member',
    });
    expect(invitation).toMatchObject({
      email: 'new@example.com',
      status: 'pending',
      invitedBy: scope.userId,
    });
    const lifetime = Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt);
    expect(lifetime).toBe(INVITATION_LIFETIME_MS);
    expect(Date.parse(invitation.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    const { DynamoDBClient, GetItemCommand } = await import('@aws-sdk/client-dynamodb');
    const raw = new DynamoDBClient({
      endpoint: local.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { Item } = await raw.send(
      new GetItemCommand({
        TableName: 'stratum',
        Key: { pk: { S: `T#${scope.tenantId}` }, sk: { S: `INVITE#${invitation.invitationId}` } },
      }),
    );
    raw.destroy();
    expect(Number(Item?.ttl?.N)).toBe(Math.ceil(Date.parse(invitation.expiresAt) / 1000));
  });

  it('lists by status, revokes once, and finds only pending unexpired ones by e-mail', async () => {
    const { scope } = await tenantWithOwner();
    const email = `${scope.tenantId}@example.com`;
    const first = await local.store.invitations.create(scope, { email, role: 'member' });
    const second = await local.store.invitations.create(scope, { email, role: 'owner' });
    expect((await local.store.invitations.findPendingByEmail(email))?.invitationId).toBe(second.invitationId);
    const revoked = await local.store.invitations.revoke(scope, second.invitationId);
    expect(revoked.status).toBe('revoked');
    await expect(local.store.invitations.revoke(scope, second.invitationId)).rejects.toBeInstanceOf(
      InvitationStateError,
    );
    expect((await local.store.invitations.findPendingByEmail(email))?.invitationId).toBe(first.invitationId);
    expect(
      (await local.store.invitations.list(scope, { status: 'revoked' })).map((i) => i.invitationId),
    ).toEqual([second.invitationId]);
    expect((await local.store.invitations.list(scope)).map((i) => i.invitationId)).toEqual([
      first.invitationId,
      second.invitationId,
    ]);
  });

  it('accepts: marks the invitation accepted and adds the member in one transaction', async () => {
    const { scope } = await tenantWithOwner();
    const email = `joiner-${scope.tenantId}@example.com`;
    const invitation = await local.store.invitations.create(scope, { email, role: 'member' });
    const user = { userId: `joiner-${Date.now()}`, email, displayName: 'Joiner' };
    // A caller cannot upgrade the role by passing a doctored invitation.
    const member = await local.store.invitations.accept({ ...invitation, role: 'owner' }, user);
    expect(member).toMatchObject({ tenantId: scope.tenantId, userId: user.userId, role: 'member' });
    expect(await local.store.members.get(scope, user.userId)).toEqual(member);
    expect((await local.store.invitations.list(scope))[0]?.status).toBe('accepted');
    expect(await local.store.invitations.findPendingByEmail(email)).toBeNull();
    await expect(local.store.invitations.accept(invitation, user)).rejects.toMatchObject({
      reason: 'not-pending',
    });
  });

  it('refuses to accept for a different e-mail or an existing member, changing nothing', async () => {
    const { scope, email: ownerEmail } = await tenantWithOwner();
    const invitation = await local.store.invitations.create(scope, { email: ownerEmail, role: 'member' });
    await expect(
      local.store.invitations.accept(invitation, {
        userId: 'other',
        email: 'other@example.com',
        displayName: 'O',
      }),
    ).rejects.toMatchObject({ field: 'user.email' });
    const owner = { userId: scope.userId, email: ownerEmail, displayName: 'Owner again' };
    await expect(local.store.invitations.accept(invitation, owner)).rejects.toMatchObject({
      reason: 'already-member',
    });
    expect((await local.store.invitations.list(scope))[0]?.status).toBe('pending');
    expect((await local.store.members.get(scope, scope.userId)).role).toBe('owner');
  });

  it('an expired invitation cannot be found or accepted', async () => {
    const { scope } = await tenantWithOwner();
    const email = `late-${scope.tenantId}@example.com`;
    const invitation = await local.store.invitations.create(scope, { email, role: 'member' });
    const eightDaysLater = local.storeAt(() => new Date(Date.now() + 8 * 24 * 60 * 60 * 1000));
    expect(await eightDaysLater.invitations.findPendingByEmail(email)).toBeNull();
    await expect(
      eightDaysLater.invitations.accept(invitation, { userId: 'late', email, displayName: 'Late' }),
    ).rejects.toMatchObject({ reason: 'expired' });
    expect(await local.store.invitations.findPendingByEmail(email)).not.toBeNull();
  });

  it('tenant B cannot list, revoke or accept-by-forgery tenant A invitations', async () => {
    const a = await tenantWithOwner('a');
    const b = await tenantWithOwner('b');
    const invitation = await local.store.invitations.create(a.scope, {
      email: 'x@example.com',
      role: 'member',
    });
    expect(await local.store.invitations.list(b.scope)).toEqual([]);
    await expect(local.store.invitations.revoke(b.scope, invitation.invitationId)).rejects.toBeInstanceOf(
      InvitationNotFoundError,
    );
    // The same id under B's tenant does not exist: acceptance cannot join B through A's invite.
    await expect(
      local.store.invitations.accept(
        { ...invitation, tenantId: b.scope.tenantId },
        { userId: 'x', email: 'x@example.com', displayName: 'X' },
      ),
    ).rejects.toBeInstanceOf(InvitationNotFoundError);
    expect((await local.store.invitations.list(a.scope))[0]?.status).toBe('pending');
  });

  it('validates e-mail and role, naming the field', async () => {
    const { scope } = await tenantWithOwner();
    await expect(
      local.store.invitations.create(scope, { email: 'nope', role: 'member' }),
    ).rejects.toMatchObject({
      field: 'input.email',
    });
    await expect(
      local.store.invitations.create(scope, { email: 'a@example.com', role: 'admin' as 'owner' }),
    ).rejects.toMatchObject({ field: 'input.role' });
  });
});
