import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledgeNoThreatProtection, STRONG_PASSWORD_POLICY } from './user-pool-security.ts';

export interface StaffUserPoolProps {
  /** Threat protection in enforced mode (Plus feature plan, billed per monthly active user). */
  readonly advancedSecurity: boolean;
  readonly deletionProtection: boolean;
}

/** Name of the group every member of staff belongs to; the authorizer checks it. */
export const STAFF_GROUP = 'staff';

/**
 * The pool of the operator's own staff, for the internal app: no self sign-up (an
 * administrator creates each user, who gets a temporary password by e-mail), TOTP MFA
 * required, and the `staff` group. Its app client has no secret (a single-page app).
 */
export class StaffUserPool extends Construct {
  readonly pool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly group: cognito.UserPoolGroup;

  constructor(scope: Construct, id: string, props: StaffUserPoolProps) {
    super(scope, id);
    this.pool = new cognito.UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      userInvitation: {
        emailSubject: 'Your Stratum staff account',
        emailBody:
          'An account was created for you. User name: {username}; temporary password: {####}. You will set a new password and an authenticator app at first sign-in.',
      },
      passwordPolicy: STRONG_PASSWORD_POLICY,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: props.advancedSecurity ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(props.advancedSecurity
        ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      deletionProtection: props.deletionProtection,
    });
    this.group = this.pool.addGroup('StaffGroup', {
      groupName: STAFF_GROUP,
      description: 'Members of staff: may use the internal app',
    });
    this.client = this.pool.addClient('InternalAppClient', {
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({
        email: true,
        emailVerified: true,
        fullname: true,
      }),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    if (!props.advancedSecurity) {
      acknowledgeNoThreatProtection(this.pool);
    }
  }
}
