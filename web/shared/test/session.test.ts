import { describe, expect, it } from 'vitest';
import { GraphqlClient } from '../src/api/graphql-client.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { CognitoClient } from '../src/auth/cognito-client.ts';
import { sessionFromTokens } from '../src/auth/session.ts';
import { SessionStore } from '../src/auth/session-store.ts';
import { AccessDeniedError, GraphqlRequestError, SessionExpiredError } from '../src/web-errors.ts';
import { fakeIdToken, json, type RecordedCall, scriptedFetch } from './support/fake-cognito.ts';
import { MemoryStorage } from './support/memory-storage.ts';

const endpoint = 'http://cognito.test/';

function setup(
  answer: (call: RecordedCall) => Response,
  options: { expiresInS?: number; requiredGroup?: string } = {},
) {
  const { fetch, calls } = scriptedFetch(answer);
  const storage = new MemoryStorage();
  const store = new SessionStore(storage, 'client-1');
  store.save(
    sessionFromTokens({
      idToken: fakeIdToken({ expiresInS: options.expiresInS ?? 3600, groups: ['staff'] }),
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
    }),
  );
  const authenticator = new Authenticator({
    cognito: new CognitoClient({ endpoint, clientId: 'client-1', fetch }),
    store,
    ...(options.requiredGroup ? { requiredGroup: options.requiredGroup } : {}),
  });
  const api = new GraphqlClient({ url: '/graphql', authenticator, fetch, newCorrelationId: () => 'corr-1' });
  return { authenticator, api, calls, storage, store };
}

const refreshed = fakeIdToken({ sub: 'user-1', expiresInS: 3600 });
const isRefresh = (call: RecordedCall) => call.target?.endsWith('InitiateAuth') === true;

describe('Authenticator', () => {
  it('resumes the stored session and decodes its claims', () => {
    const { authenticator } = setup(() => json(500, {}));
    expect(authenticator.state).toMatchObject({
      status: 'signedIn',
      session: { email: 'ada@example.com', groups: ['staff'] },
    });
  });

  it('refreshes a token about to expire once, however many callers ask', async () => {
    const { authenticator, calls } = setup(
      () => json(200, { AuthenticationResult: { IdToken: refreshed, AccessToken: 'access-2' } }),
      { expiresInS: 30 },
    );
    const tokens = await Promise.all([
      authenticator.idToken(),
      authenticator.idToken(),
      authenticator.idToken(),
    ]);
    expect(tokens).toEqual([refreshed, refreshed, refreshed]);
    expect(calls.filter(isRefresh)).toHaveLength(1);
    // The refresh answer has no refresh token: the old one is kept.
    expect(authenticator.state).toMatchObject({
      session: { refreshToken: 'refresh-1', accessToken: 'access-2' },
    });
  });

  it('expires the session when the refresh token is refused', async () => {
    const { authenticator, storage } = setup(
      () => json(400, { __type: 'NotAuthorizedException', message: 'revoked' }),
      {
        expiresInS: 10,
      },
    );
    await expect(authenticator.idToken()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(authenticator.state).toEqual({ status: 'signedOut', reason: 'expired' });
    expect(storage.length).toBe(0);
  });

  it('refuses a signed-in account outside the required group', async () => {
    const { fetch } = scriptedFetch((call) =>
      call.target?.endsWith('RevokeToken')
        ? json(200, {})
        : json(200, {
            AuthenticationResult: { IdToken: fakeIdToken(), AccessToken: 'a', RefreshToken: 'r' },
          }),
    );
    const authenticator = new Authenticator({
      cognito: new CognitoClient({ endpoint, clientId: 'staff-client', fetch }),
      store: new SessionStore(new MemoryStorage(), 'staff-client'),
      requiredGroup: 'staff',
    });
    await expect(authenticator.signIn('ada@example.com', 'pw')).rejects.toBeInstanceOf(AccessDeniedError);
    expect(authenticator.state.status).toBe('signedOut');
  });

  it('signs out locally and revokes the refresh token', async () => {
    const { authenticator, calls } = setup(() => json(200, {}));
    await authenticator.signOut();
    expect(authenticator.state).toEqual({ status: 'signedOut', reason: 'signedOut' });
    expect(calls[0]).toMatchObject({
      target: 'AWSCognitoIdentityProviderService.RevokeToken',
      body: { Token: 'refresh-1' },
    });
  });
});

describe('GraphqlClient', () => {
  it('sends the ID token and a correlation id', async () => {
    const { api, calls } = setup(() => json(200, { data: { ok: true } }));
    const { z } = await import('zod');
    await expect(api.request('{ ok }', {}, z.object({ ok: z.boolean() }))).resolves.toEqual({ ok: true });
    expect(calls[0]?.headers.get('authorization')).toMatch(/^Bearer ey/);
    expect(calls[0]?.headers.get('x-correlation-id')).toBe('corr-1');
  });

  it('refreshes and retries once when the API refuses the token', async () => {
    let graphqlCalls = 0;
    const { api, calls } = setup((call) => {
      if (isRefresh(call))
        return json(200, { AuthenticationResult: { IdToken: refreshed, AccessToken: 'a2' } });
      graphqlCalls += 1;
      return graphqlCalls === 1 ? json(403, { message: 'Forbidden' }) : json(200, { data: { ok: true } });
    });
    const { z } = await import('zod');
    await expect(api.request('{ ok }', {}, z.object({ ok: z.boolean() }))).resolves.toEqual({ ok: true });
    expect(calls.at(-1)?.headers.get('authorization')).toBe(`Bearer ${refreshed}`);
  });

  it('expires the session when the API still refuses the refreshed token', async () => {
    const { api, authenticator } = setup((call) =>
      isRefresh(call)
        ? json(200, { AuthenticationResult: { IdToken: refreshed, AccessToken: 'a2' } })
        : json(401, { message: 'Unauthorized' }),
    );
    const { z } = await import('zod');
    await expect(api.request('{ ok }', {}, z.object({ ok: z.boolean() }))).rejects.toBeInstanceOf(
      SessionExpiredError,
    );
    expect(authenticator.state).toEqual({ status: 'signedOut', reason: 'expired' });
  });

  it('throws GraphQL errors with their code', async () => {
    const { api } = setup(() =>
      json(200, { data: null, errors: [{ message: 'Todo not found', extensions: { code: 'NOT_FOUND' } }] }),
    );
    const { z } = await import('zod');
    const error = await api.request('{ todo }', {}, z.object({})).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphqlRequestError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', correlationId: 'corr-1' });
  });
});
