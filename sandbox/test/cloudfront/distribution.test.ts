import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudFrontEmulator } from '../../src/cloudfront/index.ts';
import { create, FakeBuckets, type SeenRequest, startEchoOrigin } from './fixtures.ts';

const SECURITY_HEADERS_POLICY = '67f7725c-6f97-4210-82d7-5512b31e9d03';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];

const INDEX_REWRITE = `
async function handler(event) {
  var request = event.request;
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  else if (!request.uri.includes('.')) request.uri += '/index.html';
  return request;
}`;

const BASIC_AUTH = `
function handler(event) {
  var auth = event.request.headers.authorization;
  if (!auth || auth.value !== 'Basic ' + 'c3RhZmY6czNjcmV0') {
    return { statusCode: 401, statusDescription: 'Unauthorized',
      headers: { 'www-authenticate': { value: 'Basic realm="staff"' } }, body: 'who are you?' };
  }
  return event.request;
}`;

const TAG_RESPONSE = `
function handler(event) {
  var response = event.response;
  response.headers['x-edge'] = { value: event.context.eventType + ' ' + event.response.statusCode };
  response.cookies['seen'] = { value: 'yes', attributes: 'Path=/' };
  return response;
}`;

const THROWS = `function handler(event) { throw new Error('boom'); }`;

describe('CloudFrontEmulator: a web and API distribution', () => {
  const buckets = new FakeBuckets();
  const emulator = new CloudFrontEmulator({ s3: buckets });
  let origin: Awaited<ReturnType<typeof startEchoOrigin>>;
  let url = '';
  const echoed = async (response: Response) => (await response.json()) as SeenRequest;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    buckets.put('web-bucket', 'index.html', '<h1>app</h1>');
    buckets.put('web-bucket', 'assets/app.js', 'console.log(1)', 'text/javascript');
    buckets.put('web-bucket', 'docs/guide/index.html', '<h1>guide</h1>');
    buckets.put('web-bucket', 'private/report.html', '<h1>report</h1>');
    const fn = async (logicalId: string, name: string, code: string) =>
      (
        await create(emulator, 'AWS::CloudFront::Function', logicalId, {
          Name: name,
          FunctionCode: code,
          FunctionConfig: { Comment: name, Runtime: 'cloudfront-js-2.0' },
          AutoPublish: true,
        })
      ).physicalId;
    const rewrite = await fn('IndexRewrite', 'index-rewrite', INDEX_REWRITE);
    const basicAuth = await fn('BasicAuth', 'basic-auth', BASIC_AUTH);
    const tag = await fn('TagResponse', 'tag-response', TAG_RESPONSE);
    const throws = await fn('Throws', 'throws', THROWS);
    const policy = await create(emulator, 'AWS::CloudFront::ResponseHeadersPolicy', 'WebHeaders', {
      ResponseHeadersPolicyConfig: {
        Name: 'web-headers',
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: "default-src 'self'", Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
            Preload: true,
            Override: true,
          },
        },
        CustomHeadersConfig: { Items: [{ Header: 'X-Stratum', Value: 'web', Override: false }] },
        RemoveHeadersConfig: { Items: [{ Header: 'Server' }] },
      },
    });
    const oac = await create(emulator, 'AWS::CloudFront::OriginAccessControl', 'WebOac', {
      OriginAccessControlConfig: {
        Name: 'web',
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
    const s3Behaviour = (pattern: string, functionArn: string, eventType = 'viewer-request') => ({
      PathPattern: pattern,
      TargetOriginId: 'Web',
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
      FunctionAssociations: [{ EventType: eventType, FunctionARN: functionArn }],
    });
    const distribution = await create(emulator, 'AWS::CloudFront::Distribution', 'WebDistribution', {
      DistributionConfig: {
        Enabled: true,
        Comment: 'Stratum web app',
        DefaultRootObject: 'index.html',
        Origins: [
          {
            Id: 'Web',
            DomainName: 'web-bucket.s3.us-east-1.amazonaws.com',
            S3OriginConfig: { OriginAccessIdentity: '' },
            OriginAccessControlId: oac.physicalId,
          },
          {
            Id: 'Api',
            DomainName: origin.host,
            OriginPath: '/prod',
            OriginCustomHeaders: [{ HeaderName: 'X-Origin-Verify', HeaderValue: 'secret' }],
            CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
          },
        ],
        CacheBehaviors: [
          {
            PathPattern: '/api/*',
            TargetOriginId: 'Api',
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: ALL_METHODS,
            CachePolicyId: CACHING_DISABLED,
            OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
            ResponseHeadersPolicyId: SECURITY_HEADERS_POLICY,
          },
          s3Behaviour('/docs/*', rewrite),
          s3Behaviour('/private/*', basicAuth),
          s3Behaviour('/tagged/*', tag, 'viewer-response'),
          s3Behaviour('/broken/*', throws),
        ],
        DefaultCacheBehavior: {
          TargetOriginId: 'Web',
          ViewerProtocolPolicy: 'redirect-to-https',
          CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
          ResponseHeadersPolicyId: policy.physicalId,
          Compress: true,
        },
        CustomErrorResponses: [
          { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' },
          { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' },
        ],
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        PriceClass: 'PriceClass_100',
      },
    });
    expect(distribution.physicalId).toMatch(/^E[A-Z0-9]{13}$/);
    expect(distribution.attributes?.DomainName).toMatch(/^127\.0\.0\.1:\d+$/);
    url = `http://${String(distribution.attributes?.DomainName)}`;
  });

  afterAll(async () => {
    await emulator.close();
    await origin.close();
  });

  it('serves the default root object from the S3 origin, with the policy headers and CloudFront headers', async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<h1>app</h1>');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains; preload',
    );
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-stratum')).toBe('web');
    expect(response.headers.get('server')).toBeNull();
    expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
    expect(response.headers.get('x-amz-cf-id')).toMatch(/^[\w-]{56}$/);
    expect(buckets.reads).toContain('web-bucket/index.html');
  });

  it('serves a nested object by its key', async () => {
    const response = await fetch(`${url}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('falls back to the SPA page with 200 when the object does not exist (S3 answers 403)', async () => {
    const response = await fetch(`${url}/todos/42/edit`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<h1>app</h1>');
    expect(buckets.reads).toContain('web-bucket/todos/42/edit');
  });

  it('routes /api/* to the custom origin with the origin path, query, body and CloudFront headers', async () => {
    const response = await fetch(`${url}/api/graphql?op=list&x=%20y`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t', cookie: 'session=abc' },
      body: '{"query":"{ todos { id } }"}',
    });
    expect(response.status).toBe(200);
    const seen = await echoed(response);
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/prod/api/graphql?op=list&x=%20y');
    expect(seen.body).toBe('{"query":"{ todos { id } }"}');
    expect(seen.headers.host).toBe(origin.host);
    expect(seen.headers.authorization).toBe('Bearer t');
    expect(seen.headers.cookie).toBe('session=abc');
    expect(seen.headers['x-origin-verify']).toBe('secret');
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers.via).toMatch(/^2\.0 e[a-z0-9]{13}\.cloudfront\.net \(CloudFront\)$/);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
  });

  it('applies the managed SecurityHeadersPolicy: X-Content-Type-Options overrides, the others keep the origin’s', async () => {
    const response = await fetch(`${url}/api/health`);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-xss-protection')).toBe('1; mode=block');
  });

  it('passes origin errors without a custom error response through, and maps those with one distribution-wide', async () => {
    const failed = await fetch(`${url}/api/status/500`);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('x-cache')).toBe('Error from cloudfront');
    // As on AWS, CustomErrorResponses apply to every behaviour: an API 404 becomes the SPA page.
    const missing = await fetch(`${url}/api/status/404`);
    expect(missing.status).toBe(200);
    expect(await missing.text()).toBe('<h1>app</h1>');
  });

  it('refuses methods the behaviour does not allow with 403', async () => {
    const response = await fetch(`${url}/index.html`, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('not configured to allow the HTTP request method');
  });

  it('runs a viewer-request CloudFront Function that rewrites the URI', async () => {
    const before = buckets.reads.length;
    const response = await fetch(`${url}/docs/guide/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<h1>guide</h1>');
    expect(buckets.reads.slice(before)).toEqual(['web-bucket/docs/guide/index.html']);
    expect(await (await fetch(`${url}/docs/guide`)).text()).toBe('<h1>guide</h1>');
  });

  it('answers with the response a viewer-request function generates, without reaching the origin', async () => {
    const before = buckets.reads.length;
    const denied = await fetch(`${url}/private/report.html`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toBe('Basic realm="staff"');
    expect(await denied.text()).toBe('who are you?');
    expect(buckets.reads.length).toBe(before);
    const allowed = await fetch(`${url}/private/report.html`, {
      headers: { authorization: 'Basic c3RhZmY6czNjcmV0' },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe('<h1>report</h1>');
  });

  it('runs a viewer-response function on the response, cookies included', async () => {
    buckets.put('web-bucket', 'tagged/a.html', 'tagged');
    const response = await fetch(`${url}/tagged/a.html`);
    expect(response.headers.get('x-edge')).toBe('viewer-response 200');
    expect(response.headers.getSetCookie()).toEqual(['seen=yes; Path=/']);
    expect(await response.text()).toBe('tagged');
  });

  it('answers 503 when a function throws', async () => {
    const response = await fetch(`${url}/broken/x`);
    expect(response.status).toBe(503);
  });

  it('keeps HEAD bodiless', async () => {
    const response = await fetch(`${url}/index.html`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
