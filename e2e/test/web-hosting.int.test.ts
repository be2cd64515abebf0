/**
 * The two web apps as the sandbox serves them through its CloudFront emulation, from the real
 * synthesized `local` stage: the deploy-time config.json, the SPA routes, the security headers,
 * the internal app's edge guard, and the browser's CORS pre-flight to Cognito on the AWS endpoint.
 * (Browser journeys with Playwright build on this start-up; see e2e/README.md.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalAssembly } from '../../sandbox/src/sandbox/local-assembly.ts';
import { Sandbox } from '../../sandbox/src/sandbox/sandbox.ts';

const root = resolve(import.meta.dirname, '../..');
const stateDir = mkdtempSync(join(tmpdir(), 'stratum-web-'));
let sandbox: Sandbox;

beforeAll(async () => {
  const { outdir } = await ensureLocalAssembly({ root, outdir: join(root, '.stratum', 'test-cdk.out') });
  sandbox = await Sandbox.start({ assemblyDir: outdir, stateDir, awsPort: 0 });
}, 600_000);

afterAll(async () => {
  await sandbox?.stop();
  rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

function urls() {
  const { webAppUrl, internalAppUrl } = sandbox.endpoints;
  if (!webAppUrl || !internalAppUrl) throw new Error('the sandbox did not report both web app URLs');
  return { webAppUrl, internalAppUrl };
}

const get = (url: string, accept = 'text/html') => fetch(url, { redirect: 'manual', headers: { accept } });

describe('web apps in the sandbox', () => {
  it('serve config.json generated at deploy time, naming the sandbox as the Cognito endpoint', async () => {
    for (const base of Object.values(urls())) {
      const response = await get(`${base}/config.json`, 'application/json');
      expect(response.status).toBe(200);
      const config = (await response.json()) as Record<string, string>;
      expect(config).toMatchObject({
        region: sandbox.endpoints.region,
        graphqlUrl: '/graphql',
        stage: 'local',
      });
      expect(config.cognitoEndpoint).toBe(`${sandbox.endpoints.awsEndpoint.replace(/\/$/, '')}/`);
      expect(sandbox.inventory.userPools.map((p) => p.userPoolId)).toContain(config.userPoolId);
    }
  });

  it('serve the public app shell on app routes, with the security headers', async () => {
    const response = await get(`${urls().webAppUrl}/todos/some-id`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('route /graphql to the API: an anonymous call is refused by the API, not answered with the shell', async () => {
    const response = await fetch(`${urls().webAppUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect([401, 403]).toContain(response.status);
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('give an anonymous visitor of the internal app the sign-in shell and nothing else', async () => {
    const { internalAppUrl } = urls();
    expect((await get(`${internalAppUrl}/`)).status).toBe(200);
    const page = await get(`${internalAppUrl}/tenants/t-1`);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/');
    const chunk = await get(`${internalAppUrl}/staff/tenants.js`, '*/*');
    expect(chunk.status).toBe(403);
    const forged = await fetch(`${internalAppUrl}/staff/tenants.js`, {
      headers: { cookie: 'stratum_staff_token=eyJhbGciOiJSUzI1NiJ9.e30.c2ln' },
    });
    expect(forged.status).toBe(403);
  });

  it('answer the browser pre-flight of a Cognito call on the AWS endpoint', async () => {
    const response = await fetch(sandbox.endpoints.awsEndpoint, {
      method: 'OPTIONS',
      headers: {
        origin: urls().webAppUrl,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target',
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBeTruthy();
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-amz-target');
  });
});
