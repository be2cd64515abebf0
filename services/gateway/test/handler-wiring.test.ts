import { afterAll, describe, expect, it, vi } from 'vitest';
import { httpEvent, principals } from './support/federated-harness.ts';

/** The names of the metrics written as EMF documents to stdout while the test runs. */
function captureMetricNames(): () => string[] {
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
      .flatMap((line) => {
        const emf = JSON.parse(line) as { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
        return emf._aws.CloudWatchMetrics.flatMap((directive) => directive.Metrics.map((m) => m.Name));
      })
      .filter((name) => name !== 'ColdStart');
}

/**
 * The Lambda entry as deployed: generated supergraph, environment, module-level client. Only
 * requests refused before any subgraph call are sent, so no network is used.
 */
describe('gateway Lambda entry', () => {
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  function stubEnvironment() {
    vi.stubEnv('SUBGRAPH_USERS_FUNCTION', 'stratum-test-users');
    vi.stubEnv('SUBGRAPH_TODO_FUNCTION', 'stratum-test-todo');
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  }

  it('builds from the generated supergraph and the environment, masked by default', async () => {
    stubEnvironment();
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

  it('counts operations, errors and limit rejections as EMF metrics, one document per invocation', async () => {
    stubEnvironment();
    const { handler } = await import('../src/handler.ts');
    const metricNames = captureMetricNames();
    const tooDeep =
      '{ me { tenant { members { edges { node { tenant { members { edges { node { id } } } } } } } } } }';
    const anonymous = await handler(httpEvent({ body: '{"query":"{ me { id } }"}' }));
    const rejected = await handler(
      httpEvent({ principal: principals.ownerA, body: JSON.stringify({ query: tooDeep }) }),
    );
    vi.restoreAllMocks();
    expect(JSON.parse(rejected.body ?? '{}').errors[0].extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(anonymous.statusCode).toBe(401);
    expect(metricNames()).toEqual([
      ...['GraphQLOperations', 'GraphQLErrors'],
      ...['GraphQLOperations', 'GraphQLErrors', 'LimitRejections'],
    ]);
  });
});
