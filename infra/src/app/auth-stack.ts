import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { AppTable } from './app-table.ts';
import { CustomerUserPool } from './customer-user-pool.ts';
import { serviceEntry } from './service-entry.ts';
import { StaffUserPool } from './staff-user-pool.ts';
import { StratumFunction } from './stratum-function.ts';

export interface AuthStackProps extends StackProps {
  readonly table: AppTable;
  readonly alarmTopic: sns.ITopic;
  readonly advancedSecurity: boolean;
  readonly deletionProtection: boolean;
  readonly logRetentionDays: number;
  readonly functionMemoryMb: number;
  /** `POWERTOOLS_METRICS_NAMESPACE` of the stage. */
  readonly metricsNamespace: string;
}

/**
 * Identity of the stage: the customer pool (self sign-up, tenancy attributes, the
 * post-confirmation trigger that assigns each new user to a tenant) and the staff pool.
 */
export class AuthStack extends Stack {
  readonly customers: CustomerUserPool;
  readonly staff: StaffUserPool;
  readonly postConfirmation: StratumFunction;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    this.postConfirmation = new StratumFunction(this, 'PostConfirmation', {
      entry: serviceEntry('identity-triggers', 'post-confirmation.ts'),
      description: 'Cognito post-confirmation: creates or joins the tenant of a new user',
      serviceName: 'identity-triggers',
      metricsNamespace: props.metricsNamespace,
      memorySizeMb: props.functionMemoryMb,
      logRetentionDays: props.logRetentionDays,
      alarmTopic: props.alarmTopic,
      // Cognito waits at most 5 s for a trigger, then retries (up to 3 attempts in all).
      timeout: Duration.seconds(5),
      synchronousCaller:
        'Cognito (user pool triggers are request/response; a failure fails the confirmation and the client retries)',
      environment: { TABLE_NAME: props.table.table.tableName },
    });
    props.table.grantReadWriteItems(this.postConfirmation.function);

    this.customers = new CustomerUserPool(this, 'Customers', {
      advancedSecurity: props.advancedSecurity,
      deletionProtection: props.deletionProtection,
      postConfirmation: this.postConfirmation.function,
    });
    // The pool references the trigger, so the trigger's role cannot reference the pool in
    // its default policy (pool -> function -> role -> pool). A separate policy attached to the
    // role breaks the cycle without a wildcard: CloudFormation creates it right after the
    // pool, in the same deployment, before any client has been given the pool's id.
    const updateUsers = new iam.Policy(this, 'PostConfirmationUpdatesUsers', {
      statements: [
        new iam.PolicyStatement({
          actions: ['cognito-idp:AdminUpdateUserAttributes'],
          resources: [this.customers.pool.userPoolArn],
        }),
      ],
    });
    const role = this.postConfirmation.function.role;
    if (!role) throw new Error('the post-confirmation function has no execution role');
    updateUsers.attachToRole(role);

    this.staff = new StaffUserPool(this, 'Staff', {
      advancedSecurity: props.advancedSecurity,
      deletionProtection: props.deletionProtection,
    });

    new CfnOutput(this, 'CustomerPoolId', { value: this.customers.pool.userPoolId });
    new CfnOutput(this, 'CustomerPoolClientId', { value: this.customers.client.userPoolClientId });
    new CfnOutput(this, 'StaffPoolId', { value: this.staff.pool.userPoolId });
    new CfnOutput(this, 'StaffPoolClientId', { value: this.staff.client.userPoolClientId });
  }
}
