import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../sandbox/src/sandbox/sandbox.ts';

export interface SandboxUser {
  readonly idToken: string;
  readonly tenantId: string;
}

/**
 * Signs a customer up in the sandbox's customer pool, confirms them (the post-confirmation trigger
 * creates their tenant) and signs in, as the sandbox's end-to-end journey does.
 */
export async function signUpCustomer(
  sandbox: Sandbox,
  stateDir: string,
  email: string,
): Promise<SandboxUser> {
  const pool = sandbox.inventory.userPools.find((p) => p.triggers.PostConfirmation !== undefined);
  if (!pool) throw new Error('no customer pool (with a PostConfirmation trigger) was deployed');
  const outputs = JSON.parse(readFileSync(join(stateDir, 'outputs.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  const clientId = Object.values(outputs)
    .flatMap((o) => Object.entries(o))
    .find(([key]) => /CustomerPoolClientId|CustomersClientId|WebClientId/i.test(key))?.[1];
  if (!clientId) throw new Error('outputs.json has no web client id of the customer pool');
  const cognito = new CognitoIdentityProviderClient({
    endpoint: sandbox.endpoints.awsEndpoint,
    region: sandbox.endpoints.region,
    credentials: SANDBOX_CREDENTIALS,
  });
  const password = 'Correct-Horse-Battery-9';
  await cognito.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.userPoolId, Username: email }));
  const auth = await cognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const idToken = auth.AuthenticationResult?.IdToken;
  if (!idToken) throw new Error(`signing ${email} in returned no id token`);
  const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
  const tenantId = claims['custom:tenant_id'];
  if (typeof tenantId !== 'string') throw new Error(`the id token of ${email} carries no tenant`);
  return { idToken, tenantId };
}
