import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpApiServer } from '../../src/apigateway/index.ts';
import { mapFunctionResult } from '../../src/apigateway/proxy-result.ts';
import { type FakeFunction, FakeInvoker, returning } from './fake-invoker.ts';
import { startApi } from './test-api.ts';

describe('Lambda result → HTTP response', () => {
  const png = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  const functions = {
    structured: returning({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', 'X-Count': 3, 'Access-Control-Allow-Origin': '*' },
      cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      body: '{"created":true}',
    }),
    binary: returning({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: png.toString('base64'),
      isBase64Encoded: true,
    }),
    untyped: returning({ statusCode: 204 }),
    object: returning({ hello: 'world' }),
    string: returning('hello'),
    crash: () => ({
      payload: { errorType: 'TypeError', errorMessage: 'boom', trace: [] },
      functionError: 'Unhandled',
    }),
    bodyObject: returning({ statusCode: 200, body: { not: 'a string' } }),
    badStatus: returning({ statusCode: 42 }),
    slow: () => new Promise(() => {}),
    unreachable: () => Promise.reject(new Error('runner is down')),
  } satisfies Record<string, FakeFunction>;
  const invoker = new FakeInvoker(functions);
  let server: HttpApiServer;
  const paths = Object.keys(functions);
  beforeAll(async () => {
    server = await startApi(
      { routes: paths.map((name) => ({ key: `GET /${name}`, fn: name })), timeoutMillis: 100 },
      invoker,
    );
  });
  afterAll(() => server.close());

  it('uses statusCode, headers, cookies and body of a structured answer', async () => {
    const response = await fetch(`${server.url}/structured`);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-count')).toBe('3');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    // No CORS configuration: the function's own CORS headers pass through.
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toBe('{"created":true}');
  });

  it('decodes a base64 body', async () => {
    const response = await fetch(`${server.url}/binary`);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it('defaults the content type of a structured answer to text/plain', async () => {
    const response = await fetch(`${server.url}/untyped`);
    expect(response.status).toBe(204);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it.each([
    ['object', '{"hello":"world"}'],
    ['string', '"hello"'],
  ])('answers 200 application/json with the JSON of any other %s answer', async (name, body) => {
    const response = await fetch(`${server.url}/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(body);
  });

  it.each(['crash', 'bodyObject', 'badStatus', 'unreachable'])(
    'answers 500 Internal Server Error for %s',
    async (name) => {
      const response = await fetch(`${server.url}/${name}`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    },
  );

  it('answers 503 Service Unavailable when the integration times out', async () => {
    const started = Date.now();
    const response = await fetch(`${server.url}/slow`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('explains why a structured answer was refused', () => {
    expect(mapFunctionResult({ payload: { statusCode: 200, body: 1 } }).integrationError).toMatch(
      /body must be a string/,
    );
    expect(mapFunctionResult({ payload: { statusCode: 200, headers: { a: {} } } }).integrationError).toMatch(
      /header "a"/,
    );
    expect(mapFunctionResult({ payload: { statusCode: 200, cookies: 'a=1' } }).integrationError).toMatch(
      /cookies must be an array/,
    );
    expect(
      mapFunctionResult({ payload: { errorType: 'Error', errorMessage: 'x' }, functionError: 'Unhandled' })
        .integrationError,
    ).toBe('function error: Error: x');
  });
});
