import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeDeadLetterQueue } from '../compliance/dead-letter-queue-findings.ts';

export interface DeadLetterQueueProps {
  /** What ends up here, for the alarm's description: "events the pipe could not deliver". */
  readonly holds: string;
  /** The stage's alarm topic. */
  readonly alarmTopic: sns.ITopic;
}

/**
 * The last stop of one asynchronous path: an SQS queue (SQS-managed encryption, TLS only,
 * messages kept 14 days, the maximum, for inspection and redrive) and an alarm that fires as
 * soon as one message is visible in it. A dead letter is always worth a look, so the
 * threshold is one message, and the alarm returns to OK once the queue is drained.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeDeadLetterQueue(this.queue);
    this.alarm = this.queue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' })
      .createAlarm(this, 'Depth', {
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `${this.node.path}: ${props.holds} are waiting in the dead-letter queue`,
      });
    const action = new actions.SnsAction(props.alarmTopic);
    this.alarm.addAlarmAction(action);
    this.alarm.addOkAction(action);
  }
}
