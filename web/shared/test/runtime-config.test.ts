import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, parseRuntimeConfig } from '../src/runtime-config.ts';
import { RuntimeConfigError } from '../src/web-errors.ts';

const valid = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbC123',
  userPoolClientId: 'client123',
  graphqlUrl: '/graphql',
  stage: 'dev',
};

const serve = (response: Response | Error) =>
  (async () => {
    if (response instanceof Error) throw response;
    return response;
  }) as unknown as typeof fetch;

describe('parseRuntimeConfig', () => {
  it("defaults the Cognito endpoint to the region's public endpoint", () => {
    expect(parseRuntimeConfig(valid).cognitoEndpoint).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
  });

  it('keeps the sandbox endpoint when given', () => {
    const config = parseRuntimeConfig({ ...valid, cognitoEndpoint: 'http://127.0.0.1:4566/' });
    expect(config.cognitoEndpoint).toBe('http://127.0.0.1:4566/');
  });

  it('names every bad field in one error', () => {
    const error = (() => {
      try {
        parseRuntimeConfig({ ...valid, region: 'Europe', userPoolId: 'nope', graphqlUrl: 'graphql' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RuntimeConfigError);
    const problems = (error as RuntimeConfigError).problems.join('\n');
    expect(problems).toContain('region');
    expect(problems).toContain('userPoolId');
    expect(problems).toContain('graphqlUrl');
    expect(problems).not.toContain('stage');
  });
});

describe('loadRuntimeConfig', () => {
  it('fetches /config.json without cache and validates it', async () => {
    let request: { url: string; init?: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      request = { url, init };
      return new Response(JSON.stringify(valid));
    }) as unknown as typeof fetch;
    await expect(loadRuntimeConfig(fetchImpl)).resolves.toMatchObject({
      stage: 'dev',
      graphqlUrl: '/graphql',
    });
    expect(request?.url).toBe('/config.json');
    expect(request?.init?.cache).toBe('no-store');
  });

  it('reports the SPA fallback page as a missing file', async () => {
    const html = new Response('<!doctype html><html></html>', { status: 200 });
    await expect(loadRuntimeConfig(serve(html))).rejects.toThrow(
      /missing: the server answered with a web page/,
    );
  });

  it('reports HTTP errors and network failures', async () => {
    await expect(loadRuntimeConfig(serve(new Response('', { status: 404 })))).rejects.toThrow(
      /missing \(HTTP 404\)/,
    );
    await expect(loadRuntimeConfig(serve(new TypeError('offline')))).rejects.toThrow(/could not be fetched/);
  });

  it('reports a malformed file', async () => {
    const response = new Response(JSON.stringify({ ...valid, userPoolClientId: '' }));
    await expect(loadRuntimeConfig(serve(response))).rejects.toBeInstanceOf(RuntimeConfigError);
  });
});
