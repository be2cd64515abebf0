import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type StageTemplates, stageOf, synthesizeStages } from './stage-fixture.ts';

let dev: StageTemplates;
let prod: StageTemplates;
beforeAll(() => {
  const stages = synthesizeStages(['dev', 'prod']);
  dev = stageOf(stages, 'dev');
  prod = stageOf(stages, 'prod');
});

const customerPool = { AdminCreateUserConfig: { AllowAdminCreateUserOnly: false } };
const staffPool = { AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }) };

describe('auth stack', () => {
  it('gives both pools a strong password policy', () => {
    for (const pool of [customerPool, staffPool]) {
      dev.auth.hasResourceProperties('AWS::Cognito::UserPool', {
        ...pool,
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      });
    }
  });

  it('lets customers sign up with a verified e-mail, MFA (TOTP) optional', () => {
    dev.auth.hasResourceProperties('AWS::Cognito::UserPool', {
      ...customerPool,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      LambdaConfig: { PostConfirmation: Match.anyValue() },
    });
  });

  it('gives the staff pool no self sign-up, MFA required and a staff group', () => {
    dev.auth.hasResourceProperties('AWS::Cognito::UserPool', {
      ...staffPool,
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    dev.auth.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'staff' });
    dev.auth.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
  });

  it('enforces threat protection (Plus plan) in prod only', () => {
    for (const pool of [customerPool, staffPool]) {
      prod.auth.hasResourceProperties('AWS::Cognito::UserPool', {
        ...pool,
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
      });
      dev.auth.hasResourceProperties('AWS::Cognito::UserPool', {
        ...pool,
        UserPoolTier: 'ESSENTIALS',
        UserPoolAddOns: Match.absent(),
        DeletionProtection: 'INACTIVE',
      });
    }
  });

  it('lets the web client read the tenancy claims but write only tenant_name', () => {
    const clients = dev.auth.findResources('AWS::Cognito::UserPoolClient', {
      Properties: { ReadAttributes: Match.arrayWith(['custom:tenant_id']) },
    });
    const [client, ...others] = Object.values(clients);
    expect(others).toHaveLength(0);
    const properties = client?.Properties as { ReadAttributes: string[]; WriteAttributes: string[] };
    expect(properties.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:tenant_id', 'custom:tenant_role', 'custom:tenant_name']),
    );
    expect(properties.WriteAttributes).toContain('custom:tenant_name');
    expect(properties.WriteAttributes).not.toContain('custom:tenant_id');
    expect(properties.WriteAttributes).not.toContain('custom:tenant_role');
  });

  it('makes app clients public (no secret), SRP and password auth, no user-existence errors', () => {
    const clients = Object.values(dev.auth.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(2);
    for (const client of clients) {
      expect(client.Properties).toMatchObject({
        GenerateSecret: false,
        PreventUserExistenceErrors: 'ENABLED',
        ExplicitAuthFlows: expect.arrayContaining(['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH']),
      });
    }
  });

  it('lets the trigger update users of its own pool only, and the table', () => {
    dev.auth.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'cognito-idp:AdminUpdateUserAttributes',
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CustomersPool'), 'Arn'] },
          },
        ],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('^PostConfirmationRole') }],
    });
    dev.auth.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) },
      Timeout: 5,
    });
  });
});
