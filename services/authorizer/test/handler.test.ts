import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JwksUnavailableError } from '../src/errors.ts';
import { createTestPool, idTokenClaims, sign, type TestPool } from './token-factory.ts';

// The handler reads its environment and builds its verifier at import, as in Lambda. The
// key sets are served over loopback HTTP, the way the sandbox serves its user pools.
let server: Server;
let customer: TestPool;
let handler: typeof import('../src/handler.ts').handler;
const jwksBodies = new Map<string, string>();
const jwksHits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    jwksHits.push(request.url ?? '');
    const body = jwksBodies.get(request.url ?? '');
    if (body === undefined) response.writeHead(503).end();
    else response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  customer = await createTestPool(`${origin}/local_Customer`, 'web-client', 'c1');
  // The staff pool's keys are deliberately not served: its requests exercise the outage path.
  jwksBodies.set('/local_Customer/.well-known/jwks.json', JSON.stringify(customer.jwks));
  vi.stubEnv('CUSTOMER_POOL_ISSUER', customer.issuer);
  vi.stubEnv('CUSTOMER_POOL_CLIENT_IDS', customer.clientId);
  vi.stubEnv('STAFF_POOL_ISSUER', `${origin}/local_Staff`);
  vi.stubEnv('STAFF_POOL_CLIENT_IDS', 'internal-client');
  ({ handler } = await import('../src/handler.ts'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  vi.restoreAllMocks();
});

function eventWith(headers: Record<string, string>): APIGatewayRequestAuthorizerEventV2 {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:api/$default/POST/graphql',
    identitySource: headers.authorization ? [headers.authorization] : [],
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    cookies: [],
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.1',
        userAgent: 'test',
      },
      requestId: 'req-1',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: '21/Nov/2025:15:00:00 +0000',
      timeEpoch: Date.now(),
    },
  };
}

type Line = Record<string, unknown>;
const isEmf = (line: Line) => '_aws' in line;

/** The log items written while the test runs; EMF metric documents are left out (see `captureMetrics`). */
function captureLogs(): () => Line[] {
  const lines = captureStdoutJson();
  return () => lines().filter((line) => !isEmf(line));
}

/** The metrics written as EMF while the test runs, as `{ name, dimensions }`. */
function captureMetrics(): () => { name: string; dimensions: Record<string, unknown> }[] {
  const lines = captureStdoutJson();
  return () =>
    lines()
      .filter(isEmf)
      .flatMap((line) => {
        const { CloudWatchMetrics } = line._aws as { CloudWatchMetrics: { Metrics: { Name: string }[] }[] };
        return CloudWatchMetrics.flatMap((directive) =>
          directive.Metrics.map((metric) => ({
            name: metric.Name,
            dimensions: { service: line.service, reason: line.reason },
          })),
        );
      });
}

function captureStdoutJson(): () => Line[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return () =>
    lines
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Line);
}

const TENANT = { 'custom:tenant_id': 'tenant-42', 'custom:tenant_role': 'owner' };

describe('authorizer handler', () => {
  it('authorizes a customer and fetches the key set over loopback HTTP once per cold start', async () => {
    const first = await sign(customer, idTokenClaims(customer, TENANT));
    const second = await sign(customer, idTokenClaims(customer, { ...TENANT, sub: 'another-user' }));
    const logs = captureLogs();
    const a = await handler(eventWith({ authorization: `Bearer ${first}` }));
    const b = await handler(eventWith({ authorization: `Bearer ${second}` }));
    expect(a).toEqual({
      isAuthorized: true,
      context: expect.objectContaining({ principalType: 'customer', tenantId: 'tenant-42', role: 'owner' }),
    });
    expect(b).toEqual({ isAuthorized: true, context: expect.objectContaining({ userId: 'another-user' }) });
    expect(jwksHits.filter((url) => url.startsWith('/local_Customer'))).toHaveLength(1);
    expect(logs()).toEqual([
      expect.objectContaining({
        message: 'Request authorized',
        principalType: 'customer',
        tenantId: 'tenant-42',
      }),
      expect.objectContaining({ message: 'Request authorized', userId: 'another-user' }),
    ]);
  });

  it('denies, and logs the reason with the correlation id but never the token', async () => {
    const token = await sign(customer, idTokenClaims(customer, { ...TENANT, aud: 'someone-else' }));
    const logs = captureLogs();
    const response = await handler(
      eventWith({ authorization: `Bearer ${token}`, 'x-correlation-id': 'corr-123' }),
    );
    expect(response).toEqual({ isAuthorized: false });
    const lines = logs();
    expect(lines).toEqual([
      expect.objectContaining({
        message: 'Request denied',
        reason: 'wrong_audience',
        correlationId: 'corr-123',
      }),
    ]);
    const [, payload, signature] = token.split('.');
    const raw = JSON.stringify(lines);
    expect(raw).not.toContain(payload);
    expect(raw).not.toContain(signature);
  });

  it('denies a request without an Authorization header', async () => {
    const logs = captureLogs();
    expect(await handler(eventWith({}))).toEqual({ isAuthorized: false });
    expect(logs()).toEqual([expect.objectContaining({ reason: 'missing_token' })]);
  });

  it('throws, rather than caching a deny, when a pool key set cannot be fetched', async () => {
    const staffIssuer = process.env.STAFF_POOL_ISSUER ?? '';
    const staffPool = await createTestPool(staffIssuer, 'internal-client', 's1');
    const token = await sign(staffPool, idTokenClaims(staffPool, { 'cognito:groups': ['staff'] }));
    const logs = captureLogs();
    await expect(handler(eventWith({ authorization: `Bearer ${token}` }))).rejects.toBeInstanceOf(
      JwksUnavailableError,
    );
    expect(logs()).toEqual([
      expect.objectContaining({ level: 'ERROR', message: 'Token verification failed' }),
    ]);
  });

  it('counts authorizations, and denials under their reason, as EMF metrics', async () => {
    const token = await sign(customer, idTokenClaims(customer, TENANT));
    const expired = await sign(customer, idTokenClaims(customer, { ...TENANT, exp: 1_000 }));
    const metrics = captureMetrics();
    await handler(eventWith({ authorization: `Bearer ${token}` }));
    await handler(eventWith({ authorization: `Bearer ${expired}` }));
    await handler(eventWith({}));
    const business = metrics().filter((metric) => metric.name !== 'ColdStart');
    expect(business).toEqual([
      { name: 'Authorized', dimensions: { service: 'authorizer', reason: undefined } },
      { name: 'Denied', dimensions: { service: 'authorizer', reason: 'expired' } },
      { name: 'Denied', dimensions: { service: 'authorizer', reason: 'missing_token' } },
    ]);
  });
});
