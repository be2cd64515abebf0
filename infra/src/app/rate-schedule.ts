import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface RateScheduleProps {
  readonly description: string;
  /** Every how long the function runs. */
  readonly every: Duration;
  readonly target: lambda.IFunction;
  /** Where an invocation goes once Scheduler's retries are spent. */
  readonly deadLetterQueue: sqs.IQueue;
  /** @default 2 */
  readonly maximumRetryAttempts?: number;
}

/**
 * An EventBridge Scheduler schedule that invokes one function at a fixed rate, with retries
 * and a dead-letter queue. A missed run is not worth delivering late, so an invocation older
 * than the period is dropped into the DLQ rather than retried. Its role may invoke that one
 * function and send to that one queue, and only this account's schedules may assume it.
 */
export class RateSchedule extends Construct {
  readonly schedule: scheduler.CfnSchedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: RateScheduleProps) {
    super(scope, id);
    const minutes = props.every.toMinutes();
    if (!Number.isInteger(minutes) || minutes < 1) {
      throw new Error(
        `a rate schedule runs every whole number of minutes, got ${props.every.toHumanString()}`,
      );
    }
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `Role of the schedule: ${props.description}`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.target.functionArn] }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }),
    );
    this.schedule = new scheduler.CfnSchedule(this, 'Schedule', {
      description: props.description,
      scheduleExpression: `rate(${minutes} ${minutes === 1 ? 'minute' : 'minutes'})`,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: props.target.functionArn,
        roleArn: this.role.roleArn,
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        retryPolicy: {
          maximumRetryAttempts: props.maximumRetryAttempts ?? 2,
          maximumEventAgeInSeconds: Math.max(60, Duration.minutes(minutes).toSeconds()),
        },
      },
    });
    this.schedule.node.addDependency(this.role);
  }
}
