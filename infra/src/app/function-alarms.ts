import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface FunctionAlarmsProps {
  readonly function: lambda.IFunction;
  /** The stage's alarm topic (MonitoringStack). */
  readonly topic: sns.ITopic;
}

/**
 * The two alarms every function carries: any error, and any throttle, within five minutes.
 * Both notify the stage's alarm topic and return to OK by themselves. Missing data is
 * "not breaching": an idle function is a healthy one.
 */
export class FunctionAlarms extends Construct {
  readonly errors: cloudwatch.Alarm;
  readonly throttles: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const common = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };
    this.errors = props.function.metricErrors({ period, statistic: 'Sum' }).createAlarm(this, 'Errors', {
      ...common,
      alarmDescription: `${props.function.node.path}: the function returned errors`,
    });
    this.throttles = props.function
      .metricThrottles({ period, statistic: 'Sum' })
      .createAlarm(this, 'Throttles', {
        ...common,
        alarmDescription: `${props.function.node.path}: invocations were throttled`,
      });
    const action = new actions.SnsAction(props.topic);
    for (const alarm of [this.errors, this.throttles]) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }
}
