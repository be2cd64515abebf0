import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpApiServer } from '../../src/apigateway/index.ts';
import { FakeInvoker } from './fake-invoker.ts';
import { API_ID, startApi, type TestApiOptions } from './test-api.ts';

/** Tokens the fake authorizer knows: allow-<user>, deny, crash, garbage. */
function createInvoker() {
  return new FakeInvoker({
    authorizer: (event) => {
      const token = String((event.identitySource as string[])[0]);
      if (token === 'crash') {
        return { payload: { errorType: 'Error', errorMessage: 'jwks down' }, functionError: 'Unhandled' };
      }
      if (token === 'garbage') {
        return { payload: { allowed: 'yes' } };
      }
      if (token === 'deny') {
        return { payload: { isAuthorized: false } };
      }
      return {
        payload: { isAuthorized: true, context: { userId: token.slice('allow-'.length), tenant: 't1' } },
      };
    },
    graphql: (event) => ({
      payload: { authorizer: (event.requestContext as Record<string, unknown>).authorizer ?? null },
    }),
  });
}

const API: TestApiOptions = {
  routes: [
    { key: 'POST /graphql', fn: 'graphql', authorized: true },
    { key: 'GET /graphql', fn: 'graphql' },
  ],
  authorizer: { fn: 'authorizer', ttl: 300 },
};

describe('Lambda REQUEST authorizer (simple responses)', () => {
  let clock = 1_700_000_000_000;
  let invoker = createInvoker();
  let server: HttpApiServer | undefined;

  async function start(options: TestApiOptions = API) {
    await server?.close();
    invoker = createInvoker();
    server = await startApi(options, invoker, { now: () => clock });
    return server;
  }
  function post(token?: string, path = '/graphql') {
    return fetch(`${server?.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: token }) },
      body: '{}',
    });
  }

  beforeEach(async () => {
    clock = 1_700_000_000_000;
    await start();
  });
  afterAll(() => server?.close());

  it('answers 401 without calling the authorizer when the identity source is missing', async () => {
    const response = await post();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(invoker.calls).toEqual([]);
  });

  it('answers 403 when the authorizer denies, without calling the integration', async () => {
    const response = await post('deny');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
    expect(invoker.callsOf('graphql')).toEqual([]);
  });

  it('passes the context of an allow to requestContext.authorizer.lambda', async () => {
    const response = await post('allow-ada');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ authorizer: { lambda: { userId: 'ada', tenant: 't1' } } });
  });

  it('sends the v2 REQUEST authorizer event', async () => {
    await post('allow-ada', '/graphql?x=1');
    const [event] = invoker.callsOf('authorizer');
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeArn: `arn:aws:execute-api:eu-west-1:000000000000:${API_ID}/$default/POST/graphql`,
      identitySource: ['allow-ada'],
      routeKey: 'POST /graphql',
      rawPath: '/graphql',
      rawQueryString: 'x=1',
      queryStringParameters: { x: '1' },
      headers: { authorization: 'allow-ada', 'content-type': 'application/json' },
      requestContext: {
        apiId: API_ID,
        routeKey: 'POST /graphql',
        stage: '$default',
        http: { method: 'POST' },
      },
    });
    expect(event).not.toHaveProperty('body');
    expect(event?.requestContext).not.toHaveProperty('authorizer');
  });

  it('does not authorize a route without an authorizer', async () => {
    const response = await fetch(`${server?.url}/graphql`);
    expect(response.status).toBe(200);
    expect(invoker.callsOf('authorizer')).toEqual([]);
  });

  it('caches a verdict per token for the TTL', async () => {
    expect((await post('allow-ada')).status).toBe(200);
    clock += 299_000;
    expect((await post('allow-ada')).status).toBe(200);
    expect(invoker.callsOf('authorizer')).toHaveLength(1);
    expect(invoker.callsOf('graphql')).toHaveLength(2);

    expect((await post('allow-bob')).status).toBe(200);
    expect(invoker.callsOf('authorizer')).toHaveLength(2);

    clock += 2_000; // ada's verdict is now 301 s old
    const response = await post('allow-ada');
    expect(await response.json()).toEqual({ authorizer: { lambda: { userId: 'ada', tenant: 't1' } } });
    expect(invoker.callsOf('authorizer')).toHaveLength(3);
  });

  it('caches denials too', async () => {
    expect((await post('deny')).status).toBe(403);
    expect((await post('deny')).status).toBe(403);
    expect(invoker.callsOf('authorizer')).toHaveLength(1);
  });

  it('calls the authorizer on every request with a TTL of 0', async () => {
    await start({ ...API, authorizer: { fn: 'authorizer', ttl: 0 } });
    await post('allow-ada');
    await post('allow-ada');
    expect(invoker.callsOf('authorizer')).toHaveLength(2);
  });

  it.each(['crash', 'garbage'])(
    'answers 500 when the authorizer fails (%s) and does not cache it',
    async (token) => {
      const first = await post(token);
      expect(first.status).toBe(500);
      expect(await first.json()).toEqual({ message: 'Internal Server Error' });
      await post(token);
      expect(invoker.callsOf('authorizer')).toHaveLength(2);
      expect(invoker.callsOf('graphql')).toEqual([]);
    },
  );

  it('reads other identity sources, all of which must be present', async () => {
    await start({
      ...API,
      authorizer: {
        fn: 'authorizer',
        identitySource: ['$request.querystring.token', '$request.header.X-Tenant'],
      },
    });
    expect((await post(undefined, '/graphql?token=allow-ada')).status).toBe(401);
    const response = await fetch(`${server?.url}/graphql?token=allow-ada`, {
      method: 'POST',
      headers: { 'x-tenant': 't1' },
    });
    expect(response.status).toBe(200);
    expect(invoker.callsOf('authorizer')[0]?.identitySource).toEqual(['allow-ada', 't1']);
  });
});
