import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiDefinitionError, type HttpApiServer } from '../../src/apigateway/index.ts';
import { parseRouteKey } from '../../src/apigateway/route-key.ts';
import { selectRoute } from '../../src/apigateway/route-table.ts';
import { FakeInvoker } from './fake-invoker.ts';
import { startApi } from './test-api.ts';

const routes = [
  '$default',
  'ANY /{proxy+}',
  'ANY /pets/{proxy+}',
  'GET /pets/dog/{id}',
  'GET /pets/dog/1',
  'ANY /pets/dog/2',
  'GET /pets/dog/2',
  'GET /',
  'POST /pets/{petId}/photos/{photoId}',
].map((key) => ({ routeKey: parseRouteKey(key, 'test') }));

function selected(method: string, path: string) {
  const segments = path === '/' ? [] : path.slice(1).split('/');
  const match = selectRoute(routes, method, segments);
  return match && { key: match.route.routeKey.key, parameters: match.pathParameters };
}

describe('route selection', () => {
  it.each([
    ['GET', '/pets/dog/1', 'GET /pets/dog/1', {}],
    ['GET', '/pets/dog/7', 'GET /pets/dog/{id}', { id: '7' }],
    ['GET', '/pets/cat/1', 'ANY /pets/{proxy+}', { proxy: 'cat/1' }],
    ['GET', '/test', 'ANY /{proxy+}', { proxy: 'test' }],
    ['GET', '/pets/dog/2', 'GET /pets/dog/2', {}],
    ['PUT', '/pets/dog/2', 'ANY /pets/dog/2', {}],
    ['DELETE', '/pets/dog/7', 'ANY /pets/{proxy+}', { proxy: 'dog/7' }],
    ['GET', '/', 'GET /', {}],
    ['POST', '/', '$default', {}],
    ['POST', '/pets/p1/photos/f2', 'POST /pets/{petId}/photos/{photoId}', { petId: 'p1', photoId: 'f2' }],
  ])('%s %s → %s', (method, path, key, parameters) => {
    expect(selected(method, path)).toEqual({ key, parameters });
  });

  it('answers undefined (404) without a $default route and without a match', () => {
    const only = [{ routeKey: parseRouteKey('GET /pets', 'test') }];
    expect(selectRoute(only, 'GET', ['pets'])?.route.routeKey.key).toBe('GET /pets');
    expect(selectRoute(only, 'POST', ['pets'])).toBeUndefined();
    expect(selectRoute(only, 'GET', ['pets', ''])).toBeUndefined();
    expect(selectRoute(only, 'GET', ['Pets'])).toBeUndefined();
  });

  it('does not let a greedy variable match an empty rest or a {var} match an empty segment', () => {
    const table = [
      { routeKey: parseRouteKey('ANY /files/{proxy+}', 'test') },
      { routeKey: parseRouteKey('GET /users/{id}', 'test') },
    ];
    expect(selectRoute(table, 'GET', ['files'])).toBeUndefined();
    expect(selectRoute(table, 'GET', ['users', ''])).toBeUndefined();
  });

  it.each([
    ['GET pets', 'must be "$default"'],
    ['FETCH /pets', 'method must be ANY or one of'],
    ['GET /{proxy+}/more', 'must be the last segment'],
    ['GET /pets//x', 'invalid path segment'],
    ['GET /pe{t}s', 'invalid path segment'],
  ])('rejects the route key %j', (key, message) => {
    expect(() => parseRouteKey(key, 'Route')).toThrow(ApiDefinitionError);
    expect(() => parseRouteKey(key, 'Route')).toThrow(message);
  });
});

describe('routing over HTTP', () => {
  const invoker = new FakeInvoker({
    pets: (event) => ({ payload: { route: event.routeKey, parameters: event.pathParameters ?? null } }),
  });
  let server: HttpApiServer;
  beforeAll(async () => {
    server = await startApi(
      {
        routes: [
          { key: 'GET /pets/{id}', fn: 'pets' },
          { key: 'ANY /pets/{proxy+}', fn: 'pets' },
          { key: 'GET /orphan' },
        ],
      },
      invoker,
    );
  });
  afterAll(() => server.close());

  it('passes decoded path parameters to the selected route', async () => {
    const response = await fetch(`${server.url}/pets/a%20b`);
    expect(await response.json()).toEqual({ route: 'GET /pets/{id}', parameters: { id: 'a b' } });
  });

  it('answers 404 {"message":"Not Found"} when nothing matches, without calling a function', async () => {
    const before = invoker.calls.length;
    const response = await fetch(`${server.url}/cats/1`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message: 'Not Found' });
    expect(invoker.calls.length).toBe(before);
  });

  it('answers 404 for a route without an integration', async () => {
    const response = await fetch(`${server.url}/orphan`);
    expect(response.status).toBe(404);
  });
});
