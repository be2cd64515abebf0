import { createLocalClient } from '@stratum/dynamodb-local';
import { describe, expect, it } from 'vitest';
import { createEventDataStore, DataValidationError } from '../src/index.ts';
import { newScope, useLocalStore } from './support/local-store.ts';

const local = useLocalStore();

async function tenantWithOwner(label: string) {
  const scope = newScope(label);
  const { owner } = await local.store.tenants.createWithOwner({
    tenantId: scope.tenantId,
    name: `Tenant ${label}`,
    owner: {
      userId: scope.userId,
      email: `${scope.userId}@${scope.tenantId}.example.com`,
      displayName: 'Owner',
    },
  });
  return { scope, owner };
}

describe('members.findByUserId (staff look-up on gsi1 USER#<userId>)', () => {
  it('finds an owner, a member who joined by invitation, and reflects a profile update', async () => {
    const { scope, owner } = await tenantWithOwner('lookup');
    expect(await local.store.members.findByUserId(scope.userId)).toEqual(owner);

    const email = `joiner-${scope.tenantId}@example.com`;
    const invitation = await local.store.invitations.create(scope, { email, role: 'member' });
    const joiner = await local.store.invitations.accept(invitation, {
      userId: `joiner-${scope.tenantId}`.slice(0, 64),
      email,
      displayName: 'Joiner',
    });
    expect(await local.store.members.findByUserId(joiner.userId)).toEqual(joiner);

    const renamed = await local.store.members.updateProfile(
      { tenantId: scope.tenantId, userId: joiner.userId },
      { displayName: 'Joiner Renamed' },
    );
    expect(await local.store.members.findByUserId(joiner.userId)).toEqual(renamed);
  });

  it('returns null for an unknown user, even one with push devices (same USER# prefix, other index)', async () => {
    const events = createEventDataStore({ tableName: 'stratum', client: createLocalClient(local.endpoint) });
    const userId = `device-only-${Date.now()}`;
    await events.devices.register({
      userId,
      deviceId: 'phone-1',
      platform: 'GCM',
      endpointArn: 'arn:aws:sns:eu-west-1:111122223333:endpoint/GCM/stratum/0d1e',
    });
    expect(await local.store.members.findByUserId(userId)).toBeNull();
    expect(await local.store.members.findByUserId('nobody-at-all')).toBeNull();
  });

  it('keeps the other gsi1 access patterns apart: the staff tenant list holds tenants only', async () => {
    const { scope } = await tenantWithOwner('apart');
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await local.store.tenants.listAll(cursor ? { limit: 100, cursor } : { limit: 100 });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.map((tenant) => Object.keys(tenant).sort())).toContainEqual(['createdAt', 'name', 'tenantId']);
    expect(all.every((tenant) => 'name' in tenant && !('userId' in tenant))).toBe(true);
    expect(all.map((tenant) => tenant.tenantId)).toContain(scope.tenantId);
  });

  it.each(['', 'a#b', 'x'.repeat(65)])('refuses the id %j, naming userId', async (userId) => {
    await expect(local.store.members.findByUserId(userId)).rejects.toThrow(DataValidationError);
    await expect(local.store.members.findByUserId(userId)).rejects.toMatchObject({ field: 'userId' });
  });
});
