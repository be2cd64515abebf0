import { afterAll, describe, expect, it, vi } from 'vitest';
import { httpEvent, principals } from './support/federated-harness.ts';

/**
 * The Lambda entry as deployed: generated supergraph, environment, module-level client. Only
 * requests refused before any subgraph call are sent, so no network is used.
 */
describe('gateway Lambda entry', () => {
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('builds from the generated supergraph and the environment, masked by default', async () => {
    vi.stubEnv('SUBGRAPH_USERS_FUNCTION', 'stratum-test-users');
    vi.stubEnv('SUBGRAPH_TODO_FUNCTION', 'stratum-test-todo');
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    const { handler } = await import('../src/handler.ts');

    const anonymous = await handler(httpEvent({ body: '{"query":"{ me { id } }"}' }));
    expect(anonymous.statusCode).toBe(401);

    const introspection = await handler(
      httpEvent({ principal: principals.ownerA, body: '{"query":"{ __schema { types { name } } }"}' }),
    );
    expect(introspection.statusCode).toBe(400);
    expect(JSON.parse(introspection.body ?? '{}').errors[0].message).toMatch(/introspection/i);

    const graphiql = await handler(httpEvent({ method: 'GET' }));
    expect(graphiql.statusCode).toBe(405);
  });
});
