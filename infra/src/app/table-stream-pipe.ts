import { PIPE_EVENT_BUS_TARGET_PARAMETERS, TABLE_STREAM_FILTER_PATTERNS } from '@stratum/events';
import { Stack } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as pipes from 'aws-cdk-lib/aws-pipes';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppTable } from './app-table.ts';

export interface TableStreamPipeProps {
  /** The application table; its stream (NEW_AND_OLD_IMAGES) is the pipe's source. */
  readonly table: AppTable;
  /** The enrichment: stream records in, `{ source, detailType, detail }[]` out. */
  readonly enrichment: lambda.IFunction;
  readonly bus: events.IEventBus;
  /** Where records go once the retries and bisections are spent. */
  readonly deadLetterQueue: sqs.IQueue;
}

/** Records per batch: one enrichment invocation per 10 records keeps a failing batch small to bisect. */
export const PIPE_BATCH_SIZE = 10;
/** Attempts per batch before bisection gives up and the records are dead-lettered. */
export const PIPE_MAXIMUM_RETRY_ATTEMPTS = 8;
/** Records older than a day are dead-lettered rather than delivered late (the stream keeps 24 h). */
export const PIPE_MAXIMUM_RECORD_AGE_SECONDS = 86_400;

/**
 * The domain-event pipe of ADR 0006: table stream → filter → enrichment Lambda → event bus.
 * Its role may read this table's stream (and decrypt it with the table's key), invoke the
 * enrichment function, put events on the stage's bus and dead-letter to its queue; nothing else.
 */
export class TableStreamPipe extends Construct {
  readonly pipe: pipes.CfnPipe;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: TableStreamPipeProps) {
    super(scope, id);
    const streamArn = props.table.table.tableStreamArn;
    if (!streamArn) {
      throw new Error('the application table has no stream: the domain-event pipe reads it');
    }
    const { account } = Stack.of(this);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
      description: 'Role of the domain-event pipe: table stream to the event bus',
    });
    const allow = (actions: string[], resources: string[]) =>
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources }));
    allow(
      ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
      [streamArn],
    );
    allow(['kms:Decrypt'], [props.table.key.keyArn]);
    // The function's ARN exactly: `grantInvoke` would also allow `<arn>:*`.
    allow(['lambda:InvokeFunction'], [props.enrichment.functionArn]);
    allow(['events:PutEvents'], [props.bus.eventBusArn]);
    allow(['sqs:SendMessage'], [props.deadLetterQueue.queueArn]);

    this.pipe = new pipes.CfnPipe(this, 'Pipe', {
      description: 'Domain events from the application table stream (ADR 0006)',
      roleArn: this.role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: 'LATEST',
          batchSize: PIPE_BATCH_SIZE,
          maximumRetryAttempts: PIPE_MAXIMUM_RETRY_ATTEMPTS,
          maximumRecordAgeInSeconds: PIPE_MAXIMUM_RECORD_AGE_SECONDS,
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        },
        filterCriteria: {
          filters: TABLE_STREAM_FILTER_PATTERNS.map((pattern) => ({ pattern: JSON.stringify(pattern) })),
        },
      },
      enrichment: props.enrichment.functionArn,
      target: props.bus.eventBusArn,
      targetParameters: {
        inputTemplate: PIPE_EVENT_BUS_TARGET_PARAMETERS.InputTemplate,
        eventBridgeEventBusParameters: {
          source: PIPE_EVENT_BUS_TARGET_PARAMETERS.EventBridgeEventBusParameters.Source,
          detailType: PIPE_EVENT_BUS_TARGET_PARAMETERS.EventBridgeEventBusParameters.DetailType,
        },
      },
    });
    // The role's policy must exist before the pipe validates its source and target.
    this.pipe.node.addDependency(this.role);
  }
}
