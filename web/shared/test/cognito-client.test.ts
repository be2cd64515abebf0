import { describe, expect, it } from 'vitest';
import { CognitoClient } from '../src/auth/cognito-client.ts';
import { CognitoError } from '../src/web-errors.ts';
import { fakeIdToken, json, scriptedFetch } from './support/fake-cognito.ts';

const endpoint = 'http://127.0.0.1:4566/';

describe('CognitoClient', () => {
  it('signs in with USER_PASSWORD_AUTH over the JSON API', async () => {
    const idToken = fakeIdToken();
    const { fetch, calls } = scriptedFetch(() =>
      json(200, {
        AuthenticationResult: { IdToken: idToken, AccessToken: 'access', RefreshToken: 'refresh' },
      }),
    );
    const result = await new CognitoClient({ endpoint, clientId: 'client-1', fetch }).signIn(
      'ada@example.com',
      'pw',
    );
    expect(result).toEqual({
      kind: 'tokens',
      tokens: { idToken, accessToken: 'access', refreshToken: 'refresh' },
    });
    expect(calls[0]?.url).toBe(endpoint);
    expect(calls[0]?.target).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(calls[0]?.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(calls[0]?.body).toEqual({
      ClientId: 'client-1',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: 'pw' },
    });
  });

  it('returns a challenge with the user id Cognito names in it', async () => {
    const { fetch } = scriptedFetch(() =>
      json(200, {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: 'session-1',
        ChallengeParameters: { USER_ID_FOR_SRP: 'uuid-7' },
      }),
    );
    const result = await new CognitoClient({ endpoint, clientId: 'c', fetch }).signIn(
      'ada@example.com',
      'pw',
    );
    expect(result).toEqual({
      kind: 'challenge',
      challenge: { name: 'SOFTWARE_TOKEN_MFA', session: 'session-1', username: 'uuid-7' },
    });
  });

  it('refuses challenges it cannot answer', async () => {
    const { fetch } = scriptedFetch(() => json(200, { ChallengeName: 'CUSTOM_CHALLENGE', Session: 's' }));
    await expect(
      new CognitoClient({ endpoint, clientId: 'c', fetch }).signIn('a@b.c', 'pw'),
    ).rejects.toMatchObject({
      code: 'UnsupportedChallenge',
    });
  });

  it('maps namespaced error types to their exception name', async () => {
    const { fetch } = scriptedFetch(() =>
      json(400, {
        __type: 'com.amazonaws.cognito.identity.idp.model#UsernameExistsException',
        message: 'User already exists',
      }),
    );
    const error = await new CognitoClient({ endpoint, clientId: 'c', fetch })
      .signUp('ada@example.com', 'pw')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CognitoError);
    expect(error).toMatchObject({
      code: 'UsernameExistsException',
      message: 'User already exists',
      status: 400,
    });
  });

  it('signs up with the e-mail attribute and reports where the code went', async () => {
    const { fetch, calls } = scriptedFetch(() =>
      json(200, { UserConfirmed: false, UserSub: 'u', CodeDeliveryDetails: { Destination: 'a***@e***' } }),
    );
    const result = await new CognitoClient({ endpoint, clientId: 'c', fetch }).signUp(
      'ada@example.com',
      'pw',
    );
    expect(result).toEqual({ confirmed: false, destination: 'a***@e***' });
    expect(calls[0]?.target).toBe('AWSCognitoIdentityProviderService.SignUp');
    expect(calls[0]?.body.UserAttributes).toEqual([{ Name: 'email', Value: 'ada@example.com' }]);
  });

  it('refreshes with REFRESH_TOKEN_AUTH', async () => {
    const { fetch, calls } = scriptedFetch(() =>
      json(200, { AuthenticationResult: { IdToken: 'id2', AccessToken: 'access2' } }),
    );
    const tokens = await new CognitoClient({ endpoint, clientId: 'c', fetch }).refresh('refresh-1');
    expect(tokens).toEqual({ idToken: 'id2', accessToken: 'access2' });
    expect(calls[0]?.body).toMatchObject({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: 'refresh-1' },
    });
  });

  it('reports an unreachable endpoint as a NetworkError', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    await expect(
      new CognitoClient({ endpoint, clientId: 'c', fetch }).confirmSignUp('a@b.c', '1'),
    ).rejects.toMatchObject({
      code: 'NetworkError',
    });
  });
});
