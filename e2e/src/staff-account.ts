import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { totp } from './totp.ts';

export interface StaffAccountRequest {
  readonly userPoolId: string;
  /** The internal app's client (USER_PASSWORD_AUTH), as its config.json names it. */
  readonly clientId: string;
  readonly email: string;
  readonly temporaryPassword: string;
  /** The permanent password set at first sign-in. */
  readonly password: string;
  /** @default 'staff' */
  readonly group?: string;
}

export interface StaffAccount {
  readonly email: string;
  readonly password: string;
  /** The authenticator secret (base32): `totp(secret)` is the code an authenticator app shows. */
  readonly totpSecret: string;
}

/**
 * Creates a member of staff as an administrator would and goes through the first sign-in with
 * the AWS SDK: AdminCreateUser (temporary password) → `staff` group → USER_PASSWORD_AUTH →
 * NEW_PASSWORD_REQUIRED answered with the permanent password → a TOTP authenticator enrolled
 * (AssociateSoftwareToken + VerifySoftwareToken, codes computed with RFC 6238). The pool keeps
 * MFA required; only the enrolment happens outside the browser.
 *
 * Cognito answers the new password with an `MFA_SETUP` challenge whose session enrols the token.
 * cognito-local (the sandbox) answers it with tokens instead and enrols only with an access token
 * (see web/internal/README.md); both paths are followed, so the helper works against either.
 */
export async function createStaffAccount(
  cognito: CognitoIdentityProviderClient,
  request: StaffAccountRequest,
): Promise<StaffAccount> {
  const { userPoolId, clientId, email } = request;
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      TemporaryPassword: request.temporaryPassword,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await cognito.send(
    new AdminAddUserToGroupCommand({
      UserPoolId: userPoolId,
      Username: email,
      GroupName: request.group ?? 'staff',
    }),
  );
  const first = await cognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: request.temporaryPassword },
    }),
  );
  if (first.ChallengeName !== 'NEW_PASSWORD_REQUIRED') {
    throw new Error(`first sign-in of ${email}: expected NEW_PASSWORD_REQUIRED, got ${first.ChallengeName}`);
  }
  const afterPassword = await cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.Session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: request.password },
    }),
  );

  if (afterPassword.ChallengeName === 'MFA_SETUP') {
    const associated = await cognito.send(
      new AssociateSoftwareTokenCommand({ Session: afterPassword.Session }),
    );
    const secret = required(associated.SecretCode, 'SecretCode');
    const verified = await cognito.send(
      new VerifySoftwareTokenCommand({
        Session: associated.Session,
        UserCode: totp(secret),
        FriendlyDeviceName: 'e2e',
      }),
    );
    await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: { USERNAME: email },
      }),
    );
    return { email, password: request.password, totpSecret: secret };
  }

  const accessToken = afterPassword.AuthenticationResult?.AccessToken;
  if (!accessToken) {
    throw new Error(
      `first sign-in of ${email}: expected MFA_SETUP or tokens, got ${afterPassword.ChallengeName ?? 'neither'}`,
    );
  }
  const associated = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  const secret = required(associated.SecretCode, 'SecretCode');
  const verified = await cognito.send(
    new VerifySoftwareTokenCommand({
      AccessToken: accessToken,
      UserCode: totp(secret),
      FriendlyDeviceName: 'e2e',
    }),
  );
  if (verified.Status !== 'SUCCESS') throw new Error(`VerifySoftwareToken answered ${verified.Status}`);
  return { email, password: request.password, totpSecret: secret };
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`AssociateSoftwareToken returned no ${name}`);
  return value;
}
