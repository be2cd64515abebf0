import { PIPE_EVENT_BUS_TARGET_PARAMETERS, TABLE_STREAM_FILTER_PATTERNS } from '@stratum/events';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNTED_EVENTS } from '../../../services/analytics/src/counter-of-event.ts';
import { actionsOf, logicalId, statementsOf, synthesizeEventStacks } from './events-fixture.ts';

let template: Template;
beforeAll(() => {
  template = synthesizeEventStacks().eventsTemplate;
});

const functionOf = (service: string) => logicalId(template, 'AWS::Lambda::Function', `${service}Function`);
const getAtt = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('events stack', () => {
  it('archives every event of the bus for 30 days', () => {
    const bus = logicalId(template, 'AWS::Events::EventBus', 'Bus');
    template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: getAtt(bus),
      RetentionDays: 30,
      EventPattern: { account: ['666666666666'] },
    });
  });

  it('pipes the filtered table stream through the enrichment to the bus', () => {
    const pipe = template.findResources('AWS::Pipes::Pipe');
    expect(Object.keys(pipe)).toHaveLength(1);
    const properties = Object.values(pipe)[0]?.Properties as Record<string, unknown>;
    expect(JSON.stringify(properties.Source)).toMatch(/StreamArn/);
    expect(properties.Enrichment).toEqual(getAtt(functionOf('EventEnricher')));
    expect(properties.Target).toEqual(getAtt(logicalId(template, 'AWS::Events::EventBus', 'Bus')));
    expect(properties.TargetParameters).toEqual({
      InputTemplate: PIPE_EVENT_BUS_TARGET_PARAMETERS.InputTemplate,
      EventBridgeEventBusParameters: PIPE_EVENT_BUS_TARGET_PARAMETERS.EventBridgeEventBusParameters,
    });
    const source = properties.SourceParameters as {
      FilterCriteria: { Filters: { Pattern: string }[] };
      DynamoDBStreamParameters: Record<string, unknown>;
    };
    expect(source.FilterCriteria.Filters.map((filter) => JSON.parse(filter.Pattern))).toEqual(
      TABLE_STREAM_FILTER_PATTERNS,
    );
    expect(source.DynamoDBStreamParameters).toMatchObject({
      StartingPosition: 'LATEST',
      BatchSize: 10,
      MaximumRetryAttempts: 8,
      OnPartialBatchItemFailure: 'AUTOMATIC_BISECT',
      DeadLetterConfig: { Arn: getAtt(logicalId(template, 'AWS::SQS::Queue', 'PipeFailures')) },
    });
  });

  it('gives the pipe role exactly the stream, the enrichment, the bus and its DLQ', () => {
    const statements = statementsOf(template, 'TableStreamPipeRole');
    const byAction = new Map(statements.flatMap((s) => actionsOf(s).map((action) => [action, s.Resource])));
    expect([...byAction.keys()].sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'events:PutEvents',
      'kms:Decrypt',
      'lambda:InvokeFunction',
      'sqs:SendMessage',
    ]);
    expect(byAction.get('lambda:InvokeFunction')).toEqual(getAtt(functionOf('EventEnricher')));
    expect(byAction.get('events:PutEvents')).toEqual(
      getAtt(logicalId(template, 'AWS::Events::EventBus', 'Bus')),
    );
    expect(JSON.stringify(byAction.get('dynamodb:GetRecords'))).toMatch(/StreamArn/);
    expect(JSON.stringify(statements)).not.toContain('"*"');
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'pipes.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': '666666666666' } },
          }),
        ],
      },
    });
  });

  it('routes the counted events to analytics, with retries and a DLQ on both hops', () => {
    const analytics = functionOf('Analytics');
    const failures = getAtt(logicalId(template, 'AWS::SQS::Queue', 'AnalyticsFailures'));
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: [{ prefix: 'stratum.' }], 'detail-type': [...COUNTED_EVENTS] },
      Targets: [
        Match.objectLike({
          Arn: getAtt(analytics),
          DeadLetterConfig: { Arn: failures },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 21600 },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: analytics },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: failures } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MARKER_TTL_DAYS: '35', TABLE_NAME: Match.anyValue() }) },
    });
    const tableActions = statementsOf(template, 'AnalyticsRole')
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('dynamodb:'));
    expect(tableActions.sort()).toEqual([
      'dynamodb:PutItem',
      'dynamodb:TransactWriteItems',
      'dynamodb:UpdateItem',
    ]);
  });

  it('runs due-soon every 15 minutes through a scoped role, with retries and a DLQ', () => {
    const dueSoon = functionOf('DueSoon');
    const failures = getAtt(logicalId(template, 'AWS::SQS::Queue', 'DueSoonFailures'));
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: getAtt(dueSoon),
        DeadLetterConfig: { Arn: failures },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 900 },
      }),
    });
    const scheduleRole = statementsOf(template, 'DueSoonScheduleRole');
    expect(scheduleRole.map((s) => [actionsOf(s), s.Resource])).toEqual(
      expect.arrayContaining([
        [['lambda:InvokeFunction'], getAtt(dueSoon)],
        [['sqs:SendMessage'], failures],
      ]),
    );
    expect(scheduleRole.flatMap(actionsOf).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const fnActions = statementsOf(template, 'DueSoonRole').flatMap(actionsOf);
    expect(fnActions).toContain('events:PutEvents');
    expect(fnActions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    const query = statementsOf(template, 'DueSoonRole').find((s) => actionsOf(s).join() === 'dynamodb:Query');
    expect(JSON.stringify(query?.Resource)).toContain('/index/gsi1');
  });

  it('alarms on the depth of every dead-letter queue', () => {
    for (const prefix of ['PipeFailures', 'AnalyticsFailures', 'DueSoonFailures']) {
      const queue = logicalId(template, 'AWS::SQS::Queue', prefix);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: 1,
        AlarmActions: [Match.anyValue()],
      });
    }
  });
});
