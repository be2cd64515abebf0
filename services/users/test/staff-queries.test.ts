import { createObservability } from '@stratum/runtime';
import { describe, expect, it } from 'vitest';
import { InMemoryDataStore } from '../../gateway/test/support/in-memory-data-store.ts';
import { InMemoryEventData } from '../../gateway/test/support/in-memory-event-data.ts';
import { createUsersHandler } from '../src/users-handler.ts';

const staff = { principalType: 'staff', userId: 'staff-1', groups: ['staff'] };

function setUp() {
  const store = new InMemoryDataStore();
  store.seedTenant('tenant-a', 'Acme', [
    { userId: 'user-a1', email: 'ada@a.test', displayName: 'Ada', role: 'owner' },
  ]);
  const eventData = new InMemoryEventData();
  const { logger } = createObservability('users-test');
  logger.setLogLevel('SILENT');
  const handler = createUsersHandler({
    dataStore: () => store,
    eventData: () => eventData,
    push: null,
    logger,
  });
  const run = (query: string, variables?: Record<string, unknown>) =>
    handler({ query, variables, principal: staff, correlationId: 'c1' });
  return { run, eventData };
}

const ANALYTICS =
  'query ($t: ID!, $from: String!, $to: String!) { tenantAnalytics(tenantId: $t, from: $from, to: $to) { tenantId } }';

describe('staff queries: input validation', () => {
  it.each([
    [{ t: 'tenant-a', from: '2026-02-30', to: '2026-03-01' }, 'from', 'not a calendar date'],
    [{ t: 'tenant-a', from: '2026/01/01', to: '2026-03-01' }, 'from', 'expected a date as YYYY-MM-DD'],
    [{ t: 'tenant-a', from: '2026-01-01', to: 'yesterday' }, 'to', 'expected a date as YYYY-MM-DD'],
    [{ t: 'tenant-a', from: '2026-03-02', to: '2026-03-01' }, 'to', 'must not be before from'],
    [{ t: 'tenant-a', from: '2025-01-01', to: '2026-01-02' }, 'to', 'the range may span at most 366 days'],
    [{ t: 'T#other', from: '2026-01-01', to: '2026-01-02' }, 'tenantId', 'expected 1-64 letters'],
  ])('tenantAnalytics %j → BAD_USER_INPUT naming %s, before any read', async (variables, field, reason) => {
    const { run, eventData } = setUp();
    const result = await run(ANALYTICS, variables);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`Invalid ${field}: ${reason}`),
        extensions: { code: 'BAD_USER_INPUT', field },
      }),
    ]);
    expect(eventData.analyticsCalls).toEqual([]);
  });

  it('accepts a range of exactly 366 days (a leap year) and a single day', async () => {
    const { run, eventData } = setUp();
    const leapYear = await run(ANALYTICS, { t: 'tenant-a', from: '2028-01-01', to: '2028-12-31' });
    const oneDay = await run(ANALYTICS, { t: 'tenant-a', from: '2026-01-01', to: '2026-01-01' });
    expect(leapYear.errors).toBeUndefined();
    expect(oneDay.errors).toBeUndefined();
    expect(eventData.analyticsCalls).toEqual([
      { tenantId: 'tenant-a', fromDay: '2028-01-01', toDay: '2028-12-31' },
      { tenantId: 'tenant-a', fromDay: '2026-01-01', toDay: '2026-01-01' },
    ]);
  });

  it.each([
    ['{ tenantById(id: "a b") { id } }', 'id'],
    ['{ userById(id: "user#1") { id } }', 'id'],
    [`{ userById(id: "${'x'.repeat(65)}") { id } }`, 'id'],
    ['{ userByEmail(email: "nobody") { id } }', 'email'],
    ['{ tenants(first: 101) { edges { cursor } } }', 'first'],
  ])('%s → BAD_USER_INPUT naming %s', async (query, field) => {
    const { run } = setUp();
    const result = await run(query);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('finds a user by e-mail case-insensitively, with tenant and role', async () => {
    const { run } = setUp();
    const result = await run('{ userByEmail(email: " Ada@A.test ") { id role tenant { id name } } }');
    expect(result).toEqual({
      data: { userByEmail: { id: 'user-a1', role: 'OWNER', tenant: { id: 'tenant-a', name: 'Acme' } } },
    });
  });
});
