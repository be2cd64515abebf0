import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpApiServer } from '../../src/apigateway/index.ts';
import { FakeInvoker, returning } from './fake-invoker.ts';
import { startApi } from './test-api.ts';

// The CorsConfiguration the Api stack synthesizes for the local stage, plus a wildcard origin.
const CORS = {
  AllowHeaders: ['authorization', 'content-type', 'x-correlation-id'],
  AllowMethods: ['POST', 'GET', 'OPTIONS'],
  AllowOrigins: ['http://localhost:5173', 'https://*.stratum.example.com'],
  ExposeHeaders: ['x-correlation-id'],
  MaxAge: 3600,
};

describe('CORS', () => {
  const invoker = new FakeInvoker({
    graphql: returning({
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': 'https://evil.example' },
      body: '{}',
    }),
    authorizer: returning({ isAuthorized: false }),
  });
  let server: HttpApiServer;
  beforeAll(async () => {
    server = await startApi(
      {
        routes: [
          { key: 'POST /graphql', fn: 'graphql', authorized: true },
          { key: 'GET /graphql', fn: 'graphql' },
        ],
        authorizer: { fn: 'authorizer' },
        cors: CORS,
      },
      invoker,
    );
  });
  afterAll(() => server.close());

  function preflight(origin: string, path = '/graphql') {
    return fetch(`${server.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
  }

  it('answers a preflight itself, with no OPTIONS route and before the authorizer', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'POST,GET,OPTIONS',
      'access-control-allow-headers': 'authorization,content-type,x-correlation-id',
      'access-control-max-age': '3600',
    });
    expect(await response.text()).toBe('');
    expect(invoker.calls).toEqual([]);
  });

  it('answers preflights for any path, even one without a route', async () => {
    const response = await preflight('https://app.stratum.example.com', '/nowhere');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.stratum.example.com');
  });

  it('gives a disallowed origin no CORS headers', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(204);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const actual = await fetch(`${server.url}/graphql`, { headers: { origin: 'https://evil.example' } });
    expect(actual.status).toBe(200);
    expect([...actual.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('replaces the integration CORS headers with the configured ones for an allowed origin', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { origin: 'http://localhost:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toBe('x-correlation-id');
    expect(response.headers.get('vary')).toBe('origin');
  });

  it("adds the CORS headers to API Gateway's own errors, so a browser can read a 401", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('treats an OPTIONS without access-control-request-method as a normal request', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(response.status).toBe(404);
  });

  it('answers "*" when every origin is allowed', async () => {
    const open = await startApi(
      { routes: [{ key: 'GET /x', fn: 'graphql' }], cors: { AllowOrigins: ['*'], AllowMethods: ['GET'] } },
      invoker,
    );
    try {
      const response = await fetch(`${open.url}/x`, { headers: { origin: 'https://anything.example' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await open.close();
    }
  });
});
