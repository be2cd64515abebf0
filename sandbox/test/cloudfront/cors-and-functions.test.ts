import { describe, expect, it } from 'vitest';
import { CloudFrontFunction, type EdgeRequest } from '../../src/cloudfront/index.ts';
import {
  applyResponseHeadersPolicy,
  responseHeadersPolicyConfig,
} from '../../src/cloudfront/response-headers-policy.ts';

const request = (overrides: Partial<EdgeRequest> = {}): EdgeRequest => ({
  method: 'GET',
  uri: '/',
  querystring: '',
  headers: {},
  body: Buffer.alloc(0),
  clientIp: '127.0.0.1',
  ...overrides,
});
const context = { distributionDomainName: 'd', distributionId: 'E1', requestId: 'r' };
const compile = (code: string, timeoutMs?: number) =>
  CloudFrontFunction.compile({
    name: 't',
    arn: 'arn:aws:cloudfront::000000000000:function/t',
    code,
    runtime: 'cloudfront-js-2.0',
    ...(timeoutMs !== undefined && { timeoutMs }),
  });

describe('response headers policy CORS', () => {
  const policy = responseHeadersPolicyConfig.parse({
    Name: 'cors',
    CorsConfig: {
      AccessControlAllowCredentials: true,
      AccessControlAllowHeaders: { Items: ['authorization', 'content-type'] },
      AccessControlAllowMethods: { Items: ['GET', 'POST'] },
      AccessControlAllowOrigins: { Items: ['https://*.example.com'] },
      AccessControlMaxAgeSec: 600,
      OriginOverride: true,
    },
  });
  const response = { status: 200, headers: {}, body: Buffer.alloc(0) };

  it('echoes an allowed origin with credentials and answers preflights', () => {
    const preflight = applyResponseHeadersPolicy(
      policy,
      request({
        method: 'OPTIONS',
        headers: { origin: ['https://app.example.com'], 'access-control-request-method': ['POST'] },
      }),
      response,
    );
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': ['https://app.example.com'],
      'access-control-allow-credentials': ['true'],
      'access-control-allow-methods': ['GET, POST'],
      'access-control-allow-headers': ['authorization, content-type'],
      'access-control-max-age': ['600'],
      vary: ['Origin'],
    });
  });

  it('adds nothing for other origins or requests without Origin', () => {
    const foreign = applyResponseHeadersPolicy(
      policy,
      request({ headers: { origin: ['https://evil.test'] } }),
      response,
    );
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(applyResponseHeadersPolicy(policy, request(), response).headers).toEqual({});
  });
});

describe('CloudFrontFunction', () => {
  it('sees query strings, headers and cookies in the CloudFront Functions shape, and can change them', async () => {
    const fn = compile(`
      const crypto = require('crypto');
      async function handler(event) {
        const r = event.request;
        r.headers['x-seen'] = { value: [r.querystring.a.multiValue.map((v) => v.value).join('+'), r.cookies.sid.value, r.headers.accept.value].join('|') };
        r.headers['x-hash'] = { value: crypto.createHash('sha256').update('x').digest('hex').slice(0, 8) };
        r.querystring = { b: { value: '2' } };
        r.cookies = { sid: { value: 'new' } };
        return r;
      }`);
    const outcome = await fn.viewerRequest(
      context,
      request({
        querystring: 'a=1&a=2',
        headers: { accept: ['text/html'], cookie: ['sid=abc; theme=dark'] },
      }),
    );
    expect(outcome.kind).toBe('request');
    if (outcome.kind !== 'request') return;
    expect(outcome.request.headers['x-seen']).toEqual(['1+2|abc|text/html']);
    expect(outcome.request.headers['x-hash']).toEqual(['2d711642']);
    expect(outcome.request.querystring).toBe('b=2');
    expect(outcome.request.headers.cookie).toEqual(['sid=new']);
  });

  it('stops runaway code and refuses modules the runtime does not have', async () => {
    await expect(
      compile('function handler(e) { while (true) {} }', 50).viewerRequest(context, request()),
    ).rejects.toThrow(/timed out/);
    await expect(
      compile("function handler(e) { require('fs'); return e.request; }").viewerRequest(context, request()),
    ).rejects.toThrow(/Cannot find module 'fs'/);
    await expect(compile('const handler = 1;').viewerRequest(context, request())).rejects.toThrow(
      /no function named handler/,
    );
  });
});
