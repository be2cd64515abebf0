import { App, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DataStack } from '../../src/app/data-stack.ts';
import { EventsStack } from '../../src/app/events-stack.ts';
import { NotificationsStack, type NotificationsStackProps } from '../../src/app/notifications-stack.ts';
import { addSynthGates } from '../../src/compliance/synth-gates.ts';
import { MonitoringStack } from '../../src/platform/monitoring-stack.ts';
import { STRATUM_CONTEXT } from '../../src/stratum-app.ts';
import { temporaryOutdir } from './temporary-outdir.ts';

export interface EventStacks {
  readonly events: EventsStack;
  readonly notifications: NotificationsStack;
  readonly eventsTemplate: Template;
  readonly notificationsTemplate: Template;
}

export type NotificationOptions = Pick<
  NotificationsStackProps,
  'platformApplicationArn' | 'sesConfigurationSet'
>;

/**
 * A stage holding the events and notifications stacks with the stacks they depend on
 * (monitoring, data), synthesized through the same gates as the real app (cdk-nag packs and
 * the blocking CloudFormation validator): synthesis throws on any unacknowledged finding.
 * Bundling is off; these tests check templates, not handlers.
 */
export function synthesizeEventStacks(options: NotificationOptions = {}): EventStacks {
  const app = new App({
    outdir: temporaryOutdir('stratum-events-tests'),
    context: { ...STRATUM_CONTEXT, 'aws:cdk:bundling-stacks': [] },
  });
  const stage = new Stage(app, 'dev', { env: { account: '666666666666', region: 'eu-west-1' } });
  const alarmTopic = new MonitoringStack(stage, 'Monitoring', { alarmEmails: [] }).alarms.topic;
  const { table } = new DataStack(stage, 'Data', { backupRetentionDays: 7, deletionProtection: false });
  const common = {
    table,
    alarmTopic,
    logRetentionDays: 30,
    functionMemoryMb: 512,
    metricsNamespace: 'stratum-dev',
  };
  const events = new EventsStack(stage, 'Events', common);
  const notifications = new NotificationsStack(stage, 'Notifications', {
    ...common,
    bus: events.bus,
    emailIdentity: 'dev.stratum.example.com',
    senderAddress: 'Stratum <no-reply@dev.stratum.example.com>',
    appUrl: 'https://dev.stratum.example.com',
    ...options,
  });
  addSynthGates(app);
  app.synth();
  return {
    events,
    notifications,
    eventsTemplate: Template.fromStack(events),
    notificationsTemplate: Template.fromStack(notifications),
  };
}

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** Every statement of the inline policies whose logical id starts with `prefix`. */
export function statementsOf(template: Template, prefix: string): Statement[] {
  return Object.entries(template.findResources('AWS::IAM::Policy'))
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(
      ([, policy]) =>
        (policy.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
    );
}

/** The actions of a statement, always as a sorted array. */
export const actionsOf = (statement: Statement): string[] =>
  (Array.isArray(statement.Action) ? statement.Action : [statement.Action]).slice().sort();

/** The logical id of the one resource of `type` whose id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} ${prefix}*, found ${ids.join(', ') || 'none'}`);
  return ids[0] as string;
}
