import { createObservability, instrumentHandler } from '@stratum/runtime';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meteredIdentityStore } from '../src/metered-identity-store.ts';
import { createPostConfirmationHandler } from '../src/post-confirmation-handler.ts';
import { InMemoryIdentityStore, postConfirmationEvent, RecordingAttributeWriter } from './fakes.ts';

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

/** The handler composed as post-confirmation.ts composes it, over in-memory fakes. */
function setUp() {
  const store = new InMemoryIdentityStore();
  const observability = createObservability('identity-triggers-test');
  observability.logger.setLogLevel('SILENT');
  const handler = instrumentHandler(
    observability,
    createPostConfirmationHandler({
      store: meteredIdentityStore(store, observability.metrics),
      attributes: new RecordingAttributeWriter(),
      logger: observability.logger,
    }),
  );
  const confirm = (sub: string, email: string) =>
    handler(
      postConfirmationEvent({
        userAttributes: { sub, email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
      }) as PostConfirmationTriggerEvent,
    );
  return { store, confirm };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('identity trigger business metrics', () => {
  it('counts a founded tenant and an accepted invitation, and nothing for a retried confirmation', async () => {
    const { store, confirm } = setUp();
    const emf = captureEmf();
    await confirm('a1b2c3d4-0000-4000-8000-000000000001', 'ada@example.com');
    const [tenantId] = [...store.tenantsById.keys()];
    store.invite({ tenantId: tenantId ?? '', email: 'bob@example.com', role: 'member', expiresInHours: 24 });
    await confirm('a1b2c3d4-0000-4000-8000-000000000002', 'bob@example.com');
    await confirm('a1b2c3d4-0000-4000-8000-000000000002', 'bob@example.com');
    expect(emf()).toEqual([['TenantsCreated'], ['InvitationsAccepted']]);
  });
});
