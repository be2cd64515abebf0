import { Duration, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeNoThreatProtection, STRONG_PASSWORD_POLICY } from './user-pool-security.ts';

export interface CustomerUserPoolProps {
  /** Threat protection in enforced mode (Plus feature plan, billed per monthly active user). */
  readonly advancedSecurity: boolean;
  readonly deletionProtection: boolean;
  /** Assigns every confirmed user to a tenant (`services/identity-triggers`). */
  readonly postConfirmation: lambda.IFunction;
}

/** The tenancy claims the post-confirmation trigger sets; only `tenant_name` is the user's to edit. */
export const TENANT_ATTRIBUTES = ['tenant_id', 'tenant_role', 'tenant_name'] as const;

/**
 * The pool of the product's customers: self sign-up with e-mail as the user name, e-mail
 * verification, optional TOTP MFA, and the tenancy attributes. Its one app client (for the
 * public web app, so without secret) reads the tenancy attributes but may write only
 * `tenant_name`: `tenant_id` and `tenant_role` are authorization data, set by the trigger
 * with admin rights and trusted by the API authorizer.
 */
export class CustomerUserPool extends Construct {
  readonly pool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: CustomerUserPoolProps) {
    super(scope, id);
    this.pool = new cognito.UserPool(this, 'Pool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: Object.fromEntries(
        TENANT_ATTRIBUTES.map((name) => [
          name,
          new cognito.StringAttribute({ minLen: 1, maxLen: 128, mutable: true }),
        ]),
      ),
      passwordPolicy: STRONG_PASSWORD_POLICY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: props.advancedSecurity ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(props.advancedSecurity
        ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      deletionProtection: props.deletionProtection,
      lambdaTriggers: { postConfirmation: props.postConfirmation },
    });

    const standard = { email: true, emailVerified: true, fullname: true };
    this.client = this.pool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes(standard)
        .withCustomAttributes(...TENANT_ATTRIBUTES),
      writeAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes('tenant_name'),
    });

    Validations.of(this.pool).acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG2',
      reason:
        'Customers choose whether to enrol a TOTP second factor (MFA optional); forcing it on every customer of a self sign-up product is a product decision. The staff pool requires MFA.',
    });
    if (!props.advancedSecurity) {
      acknowledgeNoThreatProtection(this.pool);
    }
  }
}
