import { describe, expect, it } from 'vitest';
import { createFederatedHarness, principals, TENANT_A } from './support/federated-harness.ts';

describe('users operations through the gateway', () => {
  it('reads me, the tenant, its members and invitations', async () => {
    const harness = createFederatedHarness();
    const response = await harness.graphql(
      principals.memberA,
      `{ me { id email displayName role tenant { id name } }
         tenant { name members(first: 1) { edges { node { displayName } } pageInfo { hasNextPage } } }
         members(first: 10) { edges { node { id role } } }
         invitations { id } }`,
    );
    expect(response.body).toEqual({
      data: {
        me: {
          id: 'user-a2',
          email: 'alan@a.test',
          displayName: 'Alan',
          role: 'MEMBER',
          tenant: { id: TENANT_A, name: 'Acme' },
        },
        tenant: {
          name: 'Acme',
          members: { edges: [{ node: { displayName: 'Ada' } }], pageInfo: { hasNextPage: true } },
        },
        members: {
          edges: [{ node: { id: 'user-a1', role: 'OWNER' } }, { node: { id: 'user-a2', role: 'MEMBER' } }],
        },
        invitations: [],
      },
    });
    // All four root fields belong to users: batched into one invocation.
    expect(harness.invocations.map((call) => call.subgraph)).toEqual(['users']);
  });

  it('updates the profile of the caller only', async () => {
    const harness = createFederatedHarness();
    const response = await harness.graphql(
      principals.memberA,
      'mutation { updateProfile(displayName: "  Alan T. ") { id displayName } }',
    );
    expect(response.body).toEqual({ data: { updateProfile: { id: 'user-a2', displayName: 'Alan T.' } } });
    expect(harness.store.membersByTenant.get(TENANT_A)?.get('user-a1')?.displayName).toBe('Ada');
    const empty = await harness.graphql(
      principals.memberA,
      'mutation { updateProfile(displayName: "") { id } }',
    );
    expect(empty.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName' });
  });

  it('lets owners rename the tenant, invite and revoke; refuses members with FORBIDDEN', async () => {
    const harness = createFederatedHarness();
    const renamed = await harness.graphql(
      principals.ownerA,
      'mutation { renameTenant(name: "Acme Ltd") { id name } }',
    );
    expect(renamed.body).toEqual({ data: { renameTenant: { id: TENANT_A, name: 'Acme Ltd' } } });

    const invited = await harness.graphql(
      principals.ownerA,
      'mutation { inviteMember(email: " New@Acme.TEST ", role: MEMBER) { id email role status invitedBy } }',
    );
    const invitation = invited.body.data.inviteMember;
    expect(invitation).toMatchObject({
      email: 'new@acme.test',
      role: 'MEMBER',
      status: 'PENDING',
      invitedBy: 'user-a1',
    });

    const pending = await harness.graphql(principals.memberA, '{ invitations(status: PENDING) { id } }');
    expect(pending.body.data.invitations).toEqual([{ id: invitation.id }]);

    for (const query of [
      'mutation { renameTenant(name: "Mine now") { id } }',
      'mutation { inviteMember(email: "x@y.test", role: OWNER) { id } }',
      `mutation { revokeInvitation(id: "${invitation.id}") { id } }`,
    ]) {
      const refused = await harness.graphql(principals.memberA, query);
      expect(refused.body.errors[0].extensions, query).toEqual({ code: 'FORBIDDEN' });
    }
    expect(harness.store.tenantsById.get(TENANT_A)?.name).toBe('Acme Ltd');

    const revoked = await harness.graphql(
      principals.ownerA,
      `mutation { revokeInvitation(id: "${invitation.id}") { status } }`,
    );
    expect(revoked.body).toEqual({ data: { revokeInvitation: { status: 'REVOKED' } } });
    const again = await harness.graphql(
      principals.ownerA,
      `mutation { revokeInvitation(id: "${invitation.id}") { status } }`,
    );
    expect(again.body.errors[0].extensions).toEqual({ code: 'CONFLICT' });

    const badEmail = await harness.graphql(
      principals.ownerA,
      'mutation { inviteMember(email: "nope", role: MEMBER) { id } }',
    );
    expect(badEmail.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    const badId = await harness.graphql(principals.ownerA, 'mutation { revokeInvitation(id: "123") { id } }');
    expect(badId.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('serves staff-only queries to staff, and refuses them to customers', async () => {
    const harness = createFederatedHarness();
    const staff = await harness.graphql(
      principals.staff,
      `{ tenants(first: 10) { edges { node { id name members { edges { node { email } } } } } }
         userByEmail(email: "BEA@b.test") { id displayName tenant { name } } }`,
    );
    expect(staff.body.errors).toBeUndefined();
    expect(staff.body.data.tenants.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Acme',
      'Bolt',
    ]);
    expect(staff.body.data.tenants.edges[1].node.members.edges).toEqual([{ node: { email: 'bea@b.test' } }]);
    expect(staff.body.data.userByEmail).toEqual({
      id: 'user-b1',
      displayName: 'Bea',
      tenant: { name: 'Bolt' },
    });

    for (const query of ['{ tenants { edges { cursor } } }', '{ userByEmail(email: "bea@b.test") { id } }']) {
      const refused = await harness.graphql(principals.ownerA, query);
      expect(refused.body.errors[0].extensions, query).toEqual({ code: 'FORBIDDEN' });
    }
    const staffMe = await harness.graphql(principals.staff, '{ me { id } }');
    expect(staffMe.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
    const orphan = await harness.graphql(principals.noTenant, '{ me { id } }');
    expect(orphan.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});
