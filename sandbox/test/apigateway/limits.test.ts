import { afterEach, describe, expect, it } from 'vitest';
import { type HttpApiServer, MAX_REQUEST_BYTES } from '../../src/apigateway/index.ts';
import { FakeInvoker } from './fake-invoker.ts';
import { startApi } from './test-api.ts';

const THROTTLED_STAGE = {
  DefaultRouteSettings: { ThrottlingRateLimit: 2, ThrottlingBurstLimit: 3 },
  RouteSettings: { 'GET /relaxed': { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 100 } },
};

describe('limits', () => {
  const invoker = new FakeInvoker({
    echo: (event) => ({ payload: { length: String(event.body ?? '').length } }),
  });
  let server: HttpApiServer | undefined;
  let clock = 0;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(throttling: boolean, accessLog?: (line: string) => void) {
    clock = 1_700_000_000_000;
    server = await startApi(
      {
        routes: [
          { key: 'POST /upload', fn: 'echo' },
          { key: 'GET /strict', fn: 'echo' },
          { key: 'GET /other', fn: 'echo' },
          { key: 'GET /relaxed', fn: 'echo' },
        ],
        stage: THROTTLED_STAGE,
      },
      invoker,
      { throttling, now: () => clock, ...(accessLog && { accessLog }) },
    );
    return server.url;
  }

  it('accepts a body of exactly 10 MB and answers 413 past it', async () => {
    const url = await start(false);
    const atLimit = await fetch(`${url}/upload`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.alloc(MAX_REQUEST_BYTES, 'a'),
    });
    expect(atLimit.status).toBe(200);
    expect(await atLimit.json()).toEqual({ length: MAX_REQUEST_BYTES });

    const calls = invoker.calls.length;
    const over = await fetch(`${url}/upload`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.alloc(MAX_REQUEST_BYTES + 1, 'a'),
    });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(invoker.calls.length).toBe(calls);
  });

  it('answers 413 for a chunked body that grows past the limit', async () => {
    const url = await start(false);
    const chunk = Buffer.alloc(1024 * 1024, 'b');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 11; index += 1) {
          controller.enqueue(chunk);
        }
        controller.close();
      },
    });
    const response = await fetch(`${url}/upload`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('does not throttle by default', async () => {
    const url = await start(false);
    const statuses = [];
    for (let index = 0; index < 10; index += 1) {
      statuses.push((await fetch(`${url}/strict`)).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('throttles each route with a token bucket when on', async () => {
    const url = await start(true);
    const burst = [];
    for (let index = 0; index < 4; index += 1) {
      burst.push((await fetch(`${url}/strict`)).status);
    }
    expect(burst).toEqual([200, 200, 200, 429]);
    const refused = await fetch(`${url}/strict`);
    expect(await refused.json()).toEqual({ message: 'Too Many Requests' });

    // Another route has its own bucket; a route with its own settings uses them.
    expect((await fetch(`${url}/other`)).status).toBe(200);
    for (let index = 0; index < 10; index += 1) {
      expect((await fetch(`${url}/relaxed`)).status).toBe(200);
    }

    clock += 500; // 2 per second → one token back
    expect((await fetch(`${url}/strict`)).status).toBe(200);
    expect((await fetch(`${url}/strict`)).status).toBe(429);
  });

  it('writes one access-log line per request', async () => {
    const lines: string[] = [];
    const url = await start(false, (line) => lines.push(line));
    const response = await fetch(`${url}/strict`, { headers: { 'user-agent': 'say "hi"' } });
    await fetch(`${url}/missing`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toHaveLength(2);
    const [hit, miss] = lines.map((line) => JSON.parse(line));
    expect(hit).toMatchObject({
      requestId: response.headers.get('apigw-requestid'),
      ip: '127.0.0.1',
      httpMethod: 'GET',
      routeKey: 'GET /strict',
      path: '/strict',
      status: '200',
      protocol: 'HTTP/1.1',
    });
    expect(Number(hit.latency)).toBeGreaterThanOrEqual(0);
    expect(Number(hit.integrationLatency)).toBeGreaterThanOrEqual(0);
    expect(miss).toMatchObject({ routeKey: '-', status: '404', integrationLatency: '-' });
  });
});
