import { describe, expect, it } from 'vitest';
import { createFederatedHarness, httpEvent, principals } from './support/federated-harness.ts';

describe('HTTP edge of the gateway', () => {
  it('answers 401 with a GraphQL error when the authorizer context has no principal', async () => {
    const harness = createFederatedHarness();
    const contexts: (Record<string, string> | undefined)[] = [
      undefined,
      { principalType: 'customer' },
      { principalType: 'robot', userId: 'x' },
    ];
    for (const principal of contexts) {
      const response = await harness.graphql(principal, '{ me { id } }');
      expect(response.status).toBe(401);
      expect(response.body.errors[0]).toMatchObject({
        message: 'Authentication required.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(harness.invocations).toHaveLength(0);
  });

  it('echoes the caller correlation id, or makes one, in the response header', async () => {
    const harness = createFederatedHarness();
    const given = await harness.send(
      httpEvent({
        principal: principals.ownerA,
        headers: { 'x-correlation-id': 'abc-1' },
        body: '{"query":"{ me { id } }"}',
      }),
    );
    expect(given.headers['x-correlation-id']).toBe('abc-1');
    const made = await harness.send(
      httpEvent({ principal: principals.ownerA, body: '{"query":"{ me { id } }"}' }),
    );
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['a non-JSON content type', { headers: { 'content-type': 'text/plain' }, body: '{ me { id } }' }, 415],
    ['a body that is not JSON', { body: '{ "query": ' }, 400],
    ['a batched request', { body: '[{"query":"{ me { id } }"}]' }, 400],
    ['a request without a query', { body: '{"variables":{}}' }, 400],
    ['a query that is not a string', { body: '{"query":42}' }, 400],
    ['a PUT', { method: 'PUT', body: '{"query":"{ me { id } }"}' }, 405],
    ['a GET while GraphiQL is off', { method: 'GET' }, 405],
  ])('refuses %s with a GraphQL-shaped error', async (_, input, status) => {
    const harness = createFederatedHarness();
    const response = await harness.send(httpEvent({ principal: principals.ownerA, ...input }));
    expect(response.status).toBe(status);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(harness.invocations).toHaveLength(0);
  });

  it('accepts a base64-encoded body', async () => {
    const harness = createFederatedHarness();
    const body = Buffer.from('{"query":"{ me { displayName } }"}').toString('base64');
    const response = await harness.send(
      httpEvent({ principal: principals.ownerA, body, isBase64Encoded: true }),
    );
    expect(response.body).toEqual({ data: { me: { displayName: 'Ada' } } });
  });

  it('serves GraphiQL on GET only when enabled', async () => {
    const harness = createFederatedHarness({ graphiql: true });
    const response = await harness.send(httpEvent({ method: 'GET' }));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('GraphiQL');
  });

  it('answers a parse error and an unknown field with 400 and no data', async () => {
    const harness = createFederatedHarness();
    const syntax = await harness.graphql(principals.ownerA, '{ me { id }');
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await harness.graphql(principals.ownerA, '{ me { displayNam } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Masked mode gives no schema hints.
    expect(unknown.body.errors[0].message).toBe('Cannot query field "displayNam" on type "User".');
    const badVariable = await harness.graphql(
      principals.ownerA,
      'query ($n: Int) { members(first: $n) { edges { cursor } } }',
      {
        n: 'ten',
      },
    );
    expect(badVariable.status).toBe(400);
    expect(badVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('disables introspection when errors are masked, and allows it otherwise', async () => {
    const masked = createFederatedHarness({ maskErrors: true });
    const refused = await masked.graphql(principals.ownerA, '{ __schema { queryType { name } } }');
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/introspection/i);

    const open = createFederatedHarness({ maskErrors: false });
    const allowed = await open.graphql(principals.ownerA, '{ __schema { queryType { name } } }');
    expect(allowed.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const hint = await open.graphql(principals.ownerA, '{ me { displayNam } }');
    expect(hint.body.errors[0].message).toContain('Did you mean');
  });
});
