import { App, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadLetterQueueEntrySchema } from '../../../services/operations/src/queues/dead-letter-queue-list.ts';
import { DataStack } from '../../src/app/data-stack.ts';
import { DeadLetterQueue } from '../../src/app/dead-letter-queue.ts';
import { EventsStack } from '../../src/app/events-stack.ts';
import { NotificationsStack } from '../../src/app/notifications-stack.ts';
import { type OperatedDeadLetterQueue, OperationsStack } from '../../src/app/operations-stack.ts';
import { addSynthGates } from '../../src/compliance/synth-gates.ts';
import { MonitoringStack } from '../../src/platform/monitoring-stack.ts';
import { STRATUM_CONTEXT } from '../../src/stratum-app.ts';
import { temporaryOutdir } from './temporary-outdir.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/**
 * The operations stack over the real events and notifications stacks, synthesized through the
 * stage's gates (cdk-nag packs, CloudFormation validator): `app.synth()` throws on any
 * unacknowledged finding. Bundling is off: these tests check the template.
 */
let template: Template;
let events: EventsStack;
let notifications: NotificationsStack;

function stackWith(build: (alarmTopic: sns.ITopic) => OperatedDeadLetterQueue[]) {
  const app = new App({
    outdir: temporaryOutdir('stratum-operations-tests'),
    context: { ...STRATUM_CONTEXT, 'aws:cdk:bundling-stacks': [] },
  });
  const stage = new Stage(app, 'dev', { env: { account: '666666666666', region: 'eu-west-1' } });
  const alarmTopic = new MonitoringStack(stage, 'Monitoring', { alarmEmails: [] }).alarms.topic;
  const { table } = new DataStack(stage, 'Data', { backupRetentionDays: 7, deletionProtection: false });
  const common = { alarmTopic, logRetentionDays: 30, functionMemoryMb: 512, metricsNamespace: 'stratum-dev' };
  events = new EventsStack(stage, 'Events', { ...common, table });
  notifications = new NotificationsStack(stage, 'Notifications', {
    ...common,
    table,
    bus: events.bus,
    emailIdentity: 'dev.stratum.example.com',
    senderAddress: 'no-reply@dev.stratum.example.com',
    appUrl: 'https://dev.stratum.example.com',
  });
  const operations = new OperationsStack(stage, 'Operations', {
    ...common,
    deadLetterQueues: build(alarmTopic),
  });
  addSynthGates(app);
  return { app, operations };
}

function stageQueues(alarmTopic: sns.ITopic): OperatedDeadLetterQueue[] {
  return [
    {
      name: 'notifications',
      feeds: 'notifications that failed 5 receives, or that the rule could not deliver',
      queue: notifications.failures.queue,
      kind: 'sqs-queue',
      source: notifications.queue,
    },
    {
      name: 'analytics',
      feeds: 'events analytics could not count',
      queue: events.analyticsFailures.queue,
      kind: 'lambda-async',
      source: events.analytics.function,
    },
    {
      name: 'table-stream-pipe',
      feeds: 'table-stream batches the pipe could not turn into events',
      queue: events.pipeFailures.queue,
      kind: 'pipe',
      sourceArn: events.pipe.pipe.attrArn,
    },
    {
      // Two functions sharing one DLQ, as the media event handlers do (stand-ins from the events stack).
      name: 'shared',
      feeds: 'failures of two functions',
      queue: new DeadLetterQueue(events, 'SharedFailures', { alarmTopic, holds: 'shared failures' }).queue,
      kind: 'lambda-async',
      source: [events.enricher.function, events.analytics.function],
    },
    {
      name: 'due-soon',
      feeds: 'due-soon runs that failed',
      queue: events.dueSoonFailures.queue,
      kind: 'scheduled-job',
      source: events.dueSoon.function,
    },
  ];
}

beforeAll(() => {
  const { app, operations } = stackWith(stageQueues);
  app.synth();
  template = Template.fromStack(operations);
}, 120_000);

const statements = (): Statement[] =>
  Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
  );
const actionsOn = (needle: string) =>
  statements()
    .filter((statement) => JSON.stringify(statement.Resource).includes(needle))
    .flatMap((statement) => [statement.Action].flat())
    .sort();

describe('OperationsStack', () => {
  it('passes the gates and writes an allow-list the subgraph accepts', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(1);
    const properties = functions[0]?.Properties as { Environment: { Variables: Record<string, unknown> } };
    const variables = properties.Environment.Variables;
    // Resolve the cross-stack tokens to placeholders of the right shape, then parse as the handler does.
    const json = JSON.stringify(variables.DEAD_LETTER_QUEUES);
    expect(json).toContain('Fn::Join');
    const parts = (variables.DEAD_LETTER_QUEUES as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const text = parts
      .map((part) => {
        if (typeof part === 'string') return part;
        const name = JSON.stringify(part);
        if (name.includes('QueueUrl') || name.includes('Ref'))
          return 'https://sqs.eu-west-1.amazonaws.com/666666666666/q';
        if (name.includes('Function')) return 'arn:aws:lambda:eu-west-1:666666666666:function:f';
        if (name.includes('Pipe') && !name.includes('Queue'))
          return 'arn:aws:pipes:eu-west-1:666666666666:pipe/p';
        return 'arn:aws:sqs:eu-west-1:666666666666:q';
      })
      .join('');
    const entries = (JSON.parse(text) as unknown[]).map((entry) => deadLetterQueueEntrySchema.parse(entry));
    expect(entries.map((entry) => [entry.name, entry.kind])).toEqual([
      ['notifications', 'sqs-queue'],
      ['analytics', 'lambda-async'],
      ['table-stream-pipe', 'pipe'],
      ['shared', 'lambda-async'],
      ['due-soon', 'scheduled-job'],
    ]);
    expect(entries[3]?.functionArns).toHaveLength(2);
    expect(entries[4]?.functionArns).toHaveLength(1);
  });

  it('grants move tasks on the queue-fed DLQ and SendMessage on its source queue only', () => {
    const policy = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policy).not.toMatch(/"Resource":"\*"[^}]*sqs:/);
    const moveStatements = statements().filter((s) => [s.Action].flat().includes('sqs:StartMessageMoveTask'));
    expect(moveStatements).toHaveLength(1);
    const send = statements().filter((s) => [s.Action].flat().includes('sqs:SendMessage'));
    expect(send).toHaveLength(1);
    // Cross-stack references: the export names say which queue.
    expect(JSON.stringify(send[0]?.Resource)).toMatch(/dev-Notifications:ExportsOutputFnGetAttQueue/);
    expect(JSON.stringify(moveStatements[0]?.Resource)).toMatch(/dev-Notifications:\w*FailuresQueue/);
  });

  it('re-invokes exactly the source functions, and never the due-soon job', () => {
    const invoke = statements().filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
    // CDK merges the two entries' statements: analytics (alone, and shared) and the enricher.
    const resources = invoke
      .flatMap((statement) => [statement.Resource].flat())
      .map((r) => JSON.stringify(r));
    expect(resources).toHaveLength(2);
    expect(resources.filter((r) => r.includes('Analytics'))).toHaveLength(1);
    expect(resources.filter((r) => r.includes('EventEnricher'))).toHaveLength(1);
    expect(JSON.stringify(invoke)).not.toContain(':*');
    expect(JSON.stringify(invoke)).not.toContain('DueSoon');
    expect(actionsOn('DueSoonFailures')).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:GetQueueAttributes',
      'sqs:ReceiveMessage',
    ]);
    expect(actionsOn('AnalyticsFailures')).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:ReceiveMessage',
    ]);
  });

  it('reports every broken invariant of the list in one error', () => {
    let message = '';
    try {
      stackWith((alarmTopic) => {
        const [first, second] = stageQueues(alarmTopic);
        return [
          { ...(first as OperatedDeadLetterQueue), name: 'Bad Name', source: undefined },
          { ...(second as OperatedDeadLetterQueue), name: 'Bad Name', source: undefined },
        ];
      });
    } catch (error) {
      message = String(error);
    }
    for (const problem of [
      '"Bad Name": a name is lower-case letters',
      '"Bad Name" is listed twice',
      'kind sqs-queue needs source',
      'kind lambda-async needs source',
    ]) {
      expect(message).toContain(problem);
    }
  });
});
