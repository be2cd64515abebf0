import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontResultResponse } from 'aws-lambda';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { cookieValue, isPublicPath } from '../src/access-policy.ts';
import { guard } from '../src/guard.ts';
import { JwksFetcher } from '../src/jwks-fetcher.ts';
import { SiteConfigSource, staffPoolOf } from '../src/site-config.ts';
import { StaffTokenVerifier } from '../src/staff-token.ts';

const DOMAIN = 'd111111abcdef8.cloudfront.net';
const POOL_ID = 'eu-west-1_Staff123';
const CLIENT_ID = 'internal-app-client';
const ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`;
const siteConfig = {
  region: 'eu-west-1',
  userPoolId: POOL_ID,
  userPoolClientId: CLIENT_ID,
  graphqlUrl: '/graphql',
  stage: 'dev',
};

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let privateKey: Key;
let foreignKey: Key;
let jwks: unknown;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  foreignKey = (await generateKeyPair('RS256')).privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
});

const now = () => Math.floor(Date.now() / 1000);
function token(overrides: Record<string, unknown> = {}, key: Key = privateKey): Promise<string> {
  const claims: Record<string, unknown> = {
    sub: 'staff-1',
    aud: CLIENT_ID,
    iss: ISSUER,
    token_use: 'id',
    'cognito:groups': ['staff'],
    iat: now() - 5,
    exp: now() + 3600,
    ...overrides,
  };
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);
}

/** A fake network: the distribution's config.json and the pool's JWKS, counting requests. */
function network(config: unknown = siteConfig) {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    if (url === `https://${DOMAIN}/config.json`) return Response.json(config);
    if (url === `${ISSUER}/.well-known/jwks.json`) return Response.json(jwks);
    return new Response('not found', { status: 404 });
  }) as typeof globalThis.fetch;
  return {
    calls,
    dependencies: {
      config: new SiteConfigSource({ fetch }),
      verifier: new StaffTokenVerifier(new JwksFetcher(fetch)),
    },
  };
}

function request(uri: string, headers: Record<string, string> = {}): CloudFrontRequest {
  return {
    clientIp: '203.0.113.9',
    method: 'GET',
    uri,
    querystring: '',
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), [{ key: name, value }]]),
    ),
  };
}

describe('access policy', () => {
  it('treats only the sign-in shell as public', () => {
    for (const uri of ['/', '/index.html', '/config.json', '/assets/index-abc.js', '/favicon.svg']) {
      expect(isPublicPath(uri), uri).toBe(true);
    }
    for (const uri of [
      '/staff/tenants-abc.js',
      '/tenants/t-1',
      '/index.html/x',
      '/assets/../staff/a.js',
      '/assets%2f..%2fx',
    ]) {
      expect(isPublicPath(uri), uri).toBe(false);
    }
  });

  it('reads the staff cookie among others and across split Cookie headers', () => {
    expect(cookieValue(['a=1; stratum_staff_token=abc.def; b=2'], 'stratum_staff_token')).toBe('abc.def');
    expect(cookieValue(['a=1', 'stratum_staff_token=x'], 'stratum_staff_token')).toBe('x');
    expect(
      cookieValue(['xstratum_staff_token=1; stratum_staff_token='], 'stratum_staff_token'),
    ).toBeUndefined();
  });

  it('derives the issuer from the region, or from the sandbox Cognito endpoint', () => {
    expect(staffPoolOf(siteConfig).issuer).toBe(ISSUER);
    expect(staffPoolOf({ ...siteConfig, cognitoEndpoint: 'http://127.0.0.1:9229/' }).jwksUri).toBe(
      `http://127.0.0.1:9229/${POOL_ID}/.well-known/jwks.json`,
    );
  });
});

describe('guard', () => {
  it('serves the shell without a cookie and without reading the config', async () => {
    const { calls, dependencies } = network();
    expect(await guard(request('/assets/index-1.js'), DOMAIN, dependencies)).toEqual({ outcome: 'public' });
    expect(calls).toEqual([]);
  });

  it('denies protected paths without a cookie', async () => {
    const { dependencies } = network();
    expect(await guard(request('/staff/app.js'), DOMAIN, dependencies)).toEqual({
      outcome: 'denied',
      reason: 'no_cookie',
    });
  });

  it('lets a valid staff token through, fetching config and keys once per container', async () => {
    const { calls, dependencies } = network();
    const cookie = `stratum_staff_token=${await token()}`;
    for (let i = 0; i < 3; i += 1) {
      expect(await guard(request('/staff/app.js', { Cookie: cookie }), DOMAIN, dependencies)).toEqual({
        outcome: 'allowed',
        userId: 'staff-1',
      });
    }
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['expired', { exp: now() - 10 }, undefined, 'invalid_token'],
    [
      'from another pool',
      { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' },
      undefined,
      'invalid_token',
    ],
    ['for another client', { aud: 'someone-else' }, undefined, 'invalid_token'],
    ['an access token', { token_use: 'access' }, undefined, 'invalid_token'],
    ['forged', {}, 'foreign', 'invalid_token'],
    ['not in the staff group', { 'cognito:groups': ['support'] }, undefined, 'not_staff'],
    ['without groups', { 'cognito:groups': undefined }, undefined, 'not_staff'],
  ] as const)('denies a token that is %s', async (_label, overrides, signer, reason) => {
    const { dependencies } = network();
    const jwt = await token(overrides, signer === 'foreign' ? foreignKey : privateKey);
    const decision = await guard(
      request('/staff/app.js', { Cookie: `stratum_staff_token=${jwt}` }),
      DOMAIN,
      dependencies,
    );
    expect(decision).toEqual({ outcome: 'denied', reason });
  });

  it('fails closed (throws) when config.json is unusable', async () => {
    const { dependencies } = network({ region: 'eu-west-1' });
    const cookie = `stratum_staff_token=${await token()}`;
    await expect(guard(request('/staff/app.js', { Cookie: cookie }), DOMAIN, dependencies)).rejects.toThrow(
      /configuration at https:\/\/d111111abcdef8\.cloudfront\.net\/config\.json is unavailable/,
    );
  });

  it('refuses a plain-HTTP issuer outside loopback', async () => {
    const { dependencies } = network({ ...siteConfig, cognitoEndpoint: 'http://evil.example.com/' });
    const cookie = `stratum_staff_token=${await token()}`;
    await expect(guard(request('/staff/app.js', { Cookie: cookie }), DOMAIN, dependencies)).rejects.toThrow(
      /neither HTTPS nor loopback/,
    );
  });
});

describe('handler', () => {
  const event = (req: CloudFrontRequest): CloudFrontRequestEvent => ({
    Records: [
      {
        cf: {
          config: {
            distributionDomainName: '127.0.0.1:1',
            distributionId: 'E1',
            eventType: 'viewer-request',
            requestId: 'r-1',
          },
          request: req,
        },
      },
    ],
  });

  it('redirects a page navigation to the shell and answers 403 to other requests', async () => {
    const { handler } = await import('../src/handler.ts');
    const page = (await handler(
      event(request('/tenants/t-1', { Accept: 'text/html' })),
    )) as CloudFrontResultResponse;
    expect(page.status).toBe('302');
    expect(page.headers?.location?.[0]?.value).toBe('/');
    const script = (await handler(event(request('/staff/app.js')))) as CloudFrontResultResponse;
    expect(script.status).toBe('403');
    expect(script.headers?.['cache-control']?.[0]?.value).toBe('no-store');
  });

  it('answers 503 rather than the content when the config cannot be read', async () => {
    const { handler } = await import('../src/handler.ts');
    // Port 1 on loopback refuses connections: config.json is unreachable.
    const result = (await handler(
      event(request('/staff/app.js', { Cookie: `stratum_staff_token=${await token()}` })),
    )) as CloudFrontResultResponse;
    expect(result.status).toBe('503');
  });

  it('returns the request unchanged for the shell', async () => {
    const { handler } = await import('../src/handler.ts');
    const req = request('/index.html');
    expect(await handler(event(req))).toBe(req);
  });
});
