import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic.ts';

export interface MonitoringStackProps extends StackProps {
  /** Addresses that receive the stage's alarms. */
  readonly alarmEmails: readonly string[];
}

/**
 * The stage's monitoring backbone: the alarm topic every other stack's alarms notify.
 * Dashboards and alarms are added by the stacks that own the resources they watch.
 */
export class MonitoringStack extends Stack {
  readonly alarms: AlarmTopic;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    this.alarms = new AlarmTopic(this, 'Alarms', { emails: props.alarmEmails });
  }
}
