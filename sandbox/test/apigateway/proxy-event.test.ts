import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpApiServer } from '../../src/apigateway/index.ts';
import { FakeInvoker, returning } from './fake-invoker.ts';
import { API_ID, startApi } from './test-api.ts';

/** Sends raw headers (repeated ones included), which fetch would merge. */
function rawRequest(
  url: string,
  method: string,
  headers: [string, string][],
  body?: Buffer,
): Promise<number> {
  const raw = [['Host', new URL(url).host], ...headers];
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: raw.flat() }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('payload format 2.0 event', () => {
  const invoker = new FakeInvoker({ echo: returning({ ok: true }) });
  let server: HttpApiServer;
  beforeAll(async () => {
    server = await startApi(
      {
        routes: [
          { key: 'POST /users/{id}/{proxy+}', fn: 'echo' },
          { key: '$default', fn: 'echo' },
        ],
        stage: { StageVariables: { tier: 'local' } },
      },
      invoker,
    );
  });
  afterAll(() => server.close());

  function lastEvent(): Record<string, unknown> {
    const event = invoker.calls.at(-1)?.event;
    expect(event).toBeDefined();
    return event ?? {};
  }

  it('carries the request the way API Gateway builds it', async () => {
    const status = await rawRequest(
      `${server.url}/users/u%2D1/files/a.txt?tag=a&tag=b&q=hello%20world&flag`,
      'POST',
      [
        ['Content-Type', 'application/json'],
        ['X-Multi', 'one'],
        ['X-Multi', 'two'],
        ['Cookie', 'session=abc; theme=dark'],
        ['Cookie', 'lang=en'],
        ['User-Agent', 'stratum-test/1.0'],
      ],
      Buffer.from('{"name":"Ada"}'),
    );
    expect(status).toBe(200);
    const event = lastEvent();
    const port = new URL(server.url).port;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /users/{id}/{proxy+}',
      rawPath: '/users/u%2D1/files/a.txt',
      rawQueryString: 'tag=a&tag=b&q=hello%20world&flag',
      cookies: ['session=abc', 'theme=dark', 'lang=en'],
      queryStringParameters: { tag: 'a,b', q: 'hello world', flag: '' },
      pathParameters: { id: 'u-1', proxy: 'files/a.txt' },
      stageVariables: { tier: 'local' },
      body: '{"name":"Ada"}',
      isBase64Encoded: false,
    });
    const headers = event.headers as Record<string, string>;
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-multi': 'one,two',
      'user-agent': 'stratum-test/1.0',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-port': port,
      'x-forwarded-proto': 'http',
      'content-length': '14',
    });
    expect(headers.cookie).toBeUndefined();
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);

    const context = event.requestContext as Record<string, unknown>;
    expect(context).toMatchObject({
      accountId: '000000000000',
      apiId: API_ID,
      domainName: '127.0.0.1',
      domainPrefix: '127',
      http: {
        method: 'POST',
        path: '/users/u%2D1/files/a.txt',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'stratum-test/1.0',
      },
      routeKey: 'POST /users/{id}/{proxy+}',
      stage: '$default',
    });
    expect(context.requestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(context.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(Number(context.timeEpoch) - Date.now())).toBeLessThan(5_000);
    expect(context.authorizer).toBeUndefined();
  });

  it('leaves out empty fields and sends binary bodies base64-encoded', async () => {
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    await rawRequest(`${server.url}/upload`, 'PUT', [['Content-Type', 'application/octet-stream']], bytes);
    const event = lastEvent();
    expect(event.routeKey).toBe('$default');
    expect(event.rawQueryString).toBe('');
    expect(event.body).toBe(bytes.toString('base64'));
    expect(event.isBase64Encoded).toBe(true);
    for (const absent of ['cookies', 'queryStringParameters', 'pathParameters']) {
      expect(event).not.toHaveProperty(absent);
    }
  });

  it.each([
    ['no content-type', undefined, true],
    ['form data', 'application/x-www-form-urlencoded', true],
    ['plain text', 'text/plain; charset=utf-8', false],
    ['XML', 'application/xml', false],
  ])('treats %s as %s', async (_, contentType, base64) => {
    const headers: [string, string][] = contentType ? [['Content-Type', contentType]] : [];
    await rawRequest(`${server.url}/any`, 'POST', headers, Buffer.from('a=1'));
    const event = lastEvent();
    expect(event.isBase64Encoded).toBe(base64);
    expect(event.body).toBe(base64 ? Buffer.from('a=1').toString('base64') : 'a=1');
  });

  it('sends no body field for an empty body', async () => {
    await rawRequest(`${server.url}/empty`, 'GET', []);
    const event = lastEvent();
    expect(event).not.toHaveProperty('body');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('answers with an apigw-requestid header matching the event', async () => {
    const response = await fetch(`${server.url}/id`);
    const context = lastEvent().requestContext as Record<string, unknown>;
    expect(response.headers.get('apigw-requestid')).toBe(context.requestId);
  });
});
