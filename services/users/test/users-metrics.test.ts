import { createObservability, instrumentHandler } from '@stratum/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InMemoryDataStore } from '../../gateway/test/support/in-memory-data-store.ts';
import { InMemoryEventData } from '../../gateway/test/support/in-memory-event-data.ts';
import { meteredUsersStore } from '../src/metered-store.ts';
import { createUsersHandler } from '../src/users-handler.ts';

const ada = { principalType: 'customer', userId: 'user-a1', tenantId: 'tenant-a', role: 'owner', groups: [] };
const bob = { ...ada, userId: 'user-b1', role: 'member' };

/** The business metrics written as EMF documents to stdout, one list of names per document. */
function captureEmf(): () => string[][] {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  return () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{"_aws"'))
      .map((line) => {
        const emf = JSON.parse(line) as { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
        return emf._aws.CloudWatchMetrics.flatMap((directive) => directive.Metrics.map((m) => m.Name));
      })
      .filter((names) => !names.includes('ColdStart'));
}

/** The handler composed as handler.ts composes it, over the in-memory store. */
function setUp() {
  const store = new InMemoryDataStore();
  store.seedTenant('tenant-a', 'Acme', [
    { userId: 'user-a1', email: 'ada@a.test', displayName: 'Ada', role: 'owner' },
    { userId: 'user-b1', email: 'bob@a.test', displayName: 'Bob', role: 'member' },
  ]);
  const observability = createObservability('users-test');
  observability.logger.setLogLevel('SILENT');
  const metered = meteredUsersStore(store, observability.metrics);
  const handler = instrumentHandler(
    observability,
    createUsersHandler({
      dataStore: () => metered,
      eventData: () => new InMemoryEventData(),
      push: null,
      logger: observability.logger,
    }),
  );
  const invite = (principal: object, email: string) =>
    handler({
      query: 'mutation ($email: String!) { inviteMember(email: $email, role: MEMBER) { id status } }',
      variables: { email },
      principal,
      correlationId: 'c1',
    });
  return { invite };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('users business metrics', () => {
  it('counts a sent invitation in the EMF document of its invocation, and not a refused one', async () => {
    const { invite } = setUp();
    const emf = captureEmf();
    const sent = await invite(ada, 'cy@a.test');
    const refused = await invite(bob, 'dee@a.test');
    expect(sent.errors).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(emf()).toEqual([['InvitationsSent']]);
  });
});
