import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointsOf } from '../../src/app/notifications-stack.ts';
import { actionsOf, logicalId, statementsOf, synthesizeEventStacks } from './events-fixture.ts';
import { onlyResourceProperties } from './stage-fixture.ts';

const PLATFORM_APP = 'arn:aws:sns:eu-west-1:666666666666:app/GCM/stratum-dev';

let template: Template;
let withPush: Template;
beforeAll(() => {
  template = synthesizeEventStacks().notificationsTemplate;
  withPush = synthesizeEventStacks({
    platformApplicationArn: PLATFORM_APP,
    sesConfigurationSet: 'stratum-dev',
  }).notificationsTemplate;
});

const getAtt = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const queueId = (t: Template) => logicalId(t, 'AWS::SQS::Queue', 'Queue');
const dlqId = (t: Template) => logicalId(t, 'AWS::SQS::Queue', 'Failures');

describe('notifications stack', () => {
  it('dead-letters after 5 receives, with a visibility timeout of 6 × the function timeout', () => {
    const { Timeout: timeout } = onlyResourceProperties<{ Timeout: number }>(
      template,
      'AWS::Lambda::Function',
      {
        Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'notifications' } } },
      },
    );
    expect(timeout * 6).toBe(180);
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: timeout * 6,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: getAtt(dlqId(template)), maxReceiveCount: 5 },
    });
  });

  it('accepts TLS connections only on both queues', () => {
    for (const queue of [queueId(template), dlqId(template)]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('alarms to the stage topic when a message reaches the DLQ', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId(template), 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ 'Fn::ImportValue': Match.stringLikeRegexp('Monitoring') }],
    });
  });

  it('routes exactly the notifying events from the bus to the queue, with a DLQ on delivery', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { 'Fn::ImportValue': Match.anyValue() },
      EventPattern: {
        source: ['stratum.tenancy', 'stratum.todo', 'stratum.media'],
        'detail-type': ['MemberJoined', 'MemberInvited', 'TodoDueSoon', 'MediaProcessed'],
      },
      Targets: [
        Match.objectLike({
          Arn: getAtt(queueId(template)),
          DeadLetterConfig: { Arn: getAtt(dlqId(template)) },
        }),
      ],
    });
  });

  it('consumes the queue in batches of 10 and reports failed records one by one', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(queueId(template)),
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('sends e-mail from the stage identity only, and has no SNS permission without a platform app', () => {
    const statements = statementsOf(template, 'NotificationsRole');
    const ses = statements.filter((s) => actionsOf(s).includes('ses:SendEmail'));
    expect(ses).toHaveLength(1);
    expect(actionsOf(ses[0] as (typeof statements)[number])).toEqual(['ses:SendEmail']);
    expect(JSON.stringify(ses[0]?.Resource)).toContain(':identity/dev.stratum.example.com');
    expect(ses[0]?.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'no-reply@dev.stratum.example.com' },
    });
    expect(statements.flatMap(actionsOf).filter((action) => action.startsWith('sns:'))).toEqual([]);
    expect(
      statements
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('dynamodb:'))
        .sort(),
    ).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          SENDER_ADDRESS: 'Stratum <no-reply@dev.stratum.example.com>',
          APP_URL: 'https://dev.stratum.example.com',
          PLATFORM_APPLICATION_ARN: Match.absent(),
        }),
      },
    });
  });

  it('publishes push only to the endpoints of the stage’s platform application when it has one', () => {
    const statements = statementsOf(withPush, 'NotificationsRole');
    const publish = statements.filter((s) => actionsOf(s).includes('sns:Publish'));
    expect(publish.map((s) => [actionsOf(s), s.Resource])).toEqual([
      [['sns:Publish'], 'arn:aws:sns:eu-west-1:666666666666:endpoint/GCM/stratum-dev/*'],
    ]);
    const ses = statements.find((s) => actionsOf(s).includes('ses:SendEmail'));
    expect(JSON.stringify(ses?.Resource)).toContain(':configuration-set/stratum-dev');
    withPush.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          PLATFORM_APPLICATION_ARN: PLATFORM_APP,
          SES_CONFIGURATION_SET: 'stratum-dev',
        }),
      },
    });
  });

  it('refuses an ARN that is not a platform application', () => {
    expect(() => endpointsOf('arn:aws:sns:eu-west-1:666666666666:alarms')).toThrow(/platform application/);
  });
});
