import { describe, expect, it } from 'vitest';
import {
  type AuthorizerContext,
  createFederatedHarness,
  principals,
  TENANT_A,
} from '../../gateway/test/support/federated-harness.ts';
import { InMemoryEventData } from '../../gateway/test/support/in-memory-event-data.ts';

/**
 * Every staff-only field, through the gateway with the authorizer's context as the HTTP API
 * passes it. Arguments are valid AND invalid: a customer must get FORBIDDEN either way, never a
 * validation message that would tell them something about the staff API, and never data.
 */
const STAFF_OPERATIONS: readonly { readonly name: string; readonly query: string }[] = [
  { name: 'tenants', query: '{ tenants { edges { node { id name } } } }' },
  { name: 'tenants', query: '{ tenants(first: 0, after: "x") { edges { node { id } } } }' },
  { name: 'tenantById', query: `{ tenantById(id: "${TENANT_A}") { id name } }` },
  { name: 'tenantById', query: '{ tenantById(id: "a#b") { id } }' },
  {
    name: 'tenantAnalytics',
    query: `{ tenantAnalytics(tenantId: "${TENANT_A}", from: "2026-01-01", to: "2026-01-02") { totals { todosCreated } } }`,
  },
  {
    name: 'tenantAnalytics',
    query: '{ tenantAnalytics(tenantId: "x", from: "2026-02-30", to: "1999-01-01") { tenantId } }',
  },
  { name: 'userByEmail', query: '{ userByEmail(email: "bea@b.test") { id role tenant { name } } }' },
  { name: 'userByEmail', query: '{ userByEmail(email: "not an email") { id } }' },
  { name: 'userById', query: '{ userById(id: "user-b1") { id email role tenant { name } } }' },
  { name: 'userById', query: '{ userById(id: "") { id } }' },
];

const CUSTOMERS: readonly [string, AuthorizerContext][] = [
  ['an owner', principals.ownerA],
  ['a member', principals.memberA],
  ['a customer without a tenant', principals.noTenant],
];

describe('staff-only queries through the gateway', () => {
  for (const [who, principal] of CUSTOMERS) {
    it(`refuses every staff field to ${who} with FORBIDDEN and no data`, async () => {
      const harness = createFederatedHarness();
      for (const operation of STAFF_OPERATIONS) {
        const { body } = await harness.graphql(principal, operation.query);
        // Non-null fields null the whole `data`; nullable ones (tenantById, user*) are null themselves.
        expect([null, { [operation.name]: null }], operation.query).toContainEqual(body.data);
        expect(body.errors, operation.query).toEqual([
          expect.objectContaining({
            message: 'Only staff can call this operation.',
            path: [operation.name],
            extensions: { code: 'FORBIDDEN' },
          }),
        ]);
      }
    });
  }

  it('answers every staff field for a staff principal', async () => {
    const eventData = new InMemoryEventData();
    eventData.seedCount(TENANT_A, '2026-01-02', 'todosCreated', 3);
    const harness = createFederatedHarness({ eventData });
    const { body } = await harness.graphql(
      principals.staff,
      `{
        tenants(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } }
        tenantById(id: "${TENANT_A}") { id name members { edges { node { email } } } }
        missing: tenantById(id: "tenant-zz") { id }
        tenantAnalytics(tenantId: "${TENANT_A}", from: "2026-01-01", to: "2026-01-02") {
          tenantId totals { todosCreated membersJoined } days { day counters { todosCreated } }
        }
        userById(id: "user-b1") { id email role tenant { id name } }
        nobody: userById(id: "user-unknown") { id }
      }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.tenants.edges).toEqual([{ node: { id: TENANT_A } }]);
    expect(body.data.tenants.pageInfo.hasNextPage).toBe(true);
    expect(body.data.tenantById).toEqual({
      id: TENANT_A,
      name: 'Acme',
      members: { edges: [{ node: { email: 'ada@a.test' } }, { node: { email: 'alan@a.test' } }] },
    });
    expect(body.data.missing).toBeNull();
    expect(body.data.tenantAnalytics).toEqual({
      tenantId: TENANT_A,
      totals: { todosCreated: 3, membersJoined: 0 },
      days: [
        { day: '2026-01-01', counters: { todosCreated: 0 } },
        { day: '2026-01-02', counters: { todosCreated: 3 } },
      ],
    });
    expect(body.data.userById).toEqual({
      id: 'user-b1',
      email: 'bea@b.test',
      role: 'OWNER',
      tenant: { id: 'tenant-b', name: 'Bolt' },
    });
    expect(body.data.nobody).toBeNull();
  });

  it('pages through every tenant with the cursor it returns', async () => {
    const harness = createFederatedHarness();
    const page = (after?: string) =>
      harness.graphql(
        principals.staff,
        'query ($after: String) { tenants(first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
    const first = (await page()).body.data.tenants;
    const second = (await page(first.pageInfo.endCursor)).body.data.tenants;
    expect([first.edges[0].node.id, second.edges[0].node.id]).toEqual([TENANT_A, 'tenant-b']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
