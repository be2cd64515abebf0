import {
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CognitoLocalEngine,
  type SesLocalEngine,
  startCognitoLocalEngine,
  startSesLocalEngine,
} from '../../src/engines/index.ts';

let ses: SesLocalEngine;
let cognito: CognitoLocalEngine;
let client: CognitoIdentityProviderClient;
let clientId: string;

beforeAll(async () => {
  ses = await startSesLocalEngine();
  cognito = await startCognitoLocalEngine({ sesEndpoint: ses.endpoint });
  client = new CognitoIdentityProviderClient({
    endpoint: cognito.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'codes',
      AutoVerifiedAttributes: ['email'],
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_CODE',
        EmailSubject: 'Your Stratum code',
        EmailMessage: 'Welcome! Your code is {####}.',
      },
    }),
  );
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({ UserPoolId: UserPool?.Id, ClientName: 'web' }),
  );
  clientId = UserPoolClient?.ClientId ?? '';
}, 60_000);

afterAll(async () => {
  await cognito?.stop();
  await ses?.stop();
});

/** The six-digit code in the newest e-mail to `to` whose subject matches. */
async function codeSentTo(to: string, subject: string): Promise<string> {
  const email = await ses.inbox.waitForEmail(
    (candidate) => candidate.destination.to.includes(to) && candidate.subject === subject,
  );
  const code = /\b(\d{6})\b/.exec(email.body.text ?? '')?.[1];
  if (!code) throw new Error(`no code in "${email.body.text}"`);
  return code;
}

describe('verification codes in the SES inbox', () => {
  it('sign-up sends the pool’s verification e-mail, and its code confirms the user', async () => {
    const email = 'ada@example.com';
    await client.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: email,
        Password: 'Correct-horse-1',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const sent = await ses.inbox.waitForEmail((candidate) => candidate.destination.to.includes(email));
    expect(sent).toMatchObject({ from: 'no-reply@verificationemail.com', subject: 'Your Stratum code' });
    expect(sent.body.text).toMatch(/^Welcome! Your code is \d{6}\.$/);

    const code = await codeSentTo(email, 'Your Stratum code');
    await expect(
      client.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: '000000' }),
      ),
    ).rejects.toThrow();
    await client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
    );
    const auth = await client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: 'Correct-horse-1' },
      }),
    );
    expect(auth.AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('forgot-password sends a code by e-mail that resets the password', async () => {
    const email = 'ada@example.com';
    await ses.inbox.clear();
    await client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
    const code = await codeSentTo(email, 'Your Stratum code');
    await client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: email,
        ConfirmationCode: code,
        Password: 'Battery-staple-2',
      }),
    );
    const auth = await client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: 'Battery-staple-2' },
      }),
    );
    expect(auth.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});
