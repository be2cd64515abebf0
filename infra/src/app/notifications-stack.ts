import { type DomainEventName, domainEventDefinition } from '@stratum/events';
import { Duration, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { AppTable } from './app-table.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { serviceEntry } from './service-entry.ts';
import { StratumFunction } from './stratum-function.ts';
import { grantTableItems } from './table-item-grants.ts';

export interface NotificationsStackProps extends StackProps {
  readonly table: AppTable;
  /** The stage's domain-event bus (EventsStack). */
  readonly bus: events.IEventBus;
  readonly alarmTopic: sns.ITopic;
  readonly logRetentionDays: number;
  readonly functionMemoryMb: number;
  readonly metricsNamespace: string;
  /** The verified SES identity messages are sent from: a domain (`dev.example.com`) or an address. */
  readonly emailIdentity: string;
  /** The From address, inside `emailIdentity` (`no-reply@dev.example.com`). */
  readonly senderAddress: string;
  /** The public web app's origin; links in messages point there. */
  readonly appUrl: string;
  /** An SES configuration set (event publishing, suppression); none by default. */
  readonly sesConfigurationSet?: string;
  /**
   * The stage's SNS platform application (`arn:aws:sns:<region>:<account>:app/<platform>/<name>`).
   * Absent: push is disabled, and the function may publish nothing to SNS.
   */
  readonly platformApplicationArn?: string;
}

/** The events that notify someone; see services/notifications/README.md. */
export const NOTIFYING_EVENTS: readonly DomainEventName[] = [
  'MemberJoined',
  'MemberInvited',
  'TodoDueSoon',
  'MediaProcessed',
];
/** Records per invocation: one SQS receive. */
export const NOTIFICATIONS_BATCH_SIZE = 10;
/** Receives before a message is dead-lettered: poison messages and SES rejections fail every time. */
export const NOTIFICATIONS_MAX_RECEIVE_COUNT = 5;
const FUNCTION_TIMEOUT = Duration.seconds(30);

/**
 * Notifications of the stage: rules on the bus feed a queue, the notifications function
 * consumes it in batches and reports failed records one by one; a record that keeps failing
 * lands in the DLQ, which alarms. It sends e-mail with SES from the stage's identity and,
 * where the stage has a platform application, mobile push through SNS.
 */
export class NotificationsStack extends Stack {
  readonly queue: sqs.Queue;
  readonly failures: DeadLetterQueue;
  readonly rule: events.Rule;
  readonly notifications: StratumFunction;

  constructor(scope: Construct, id: string, props: NotificationsStackProps) {
    super(scope, id, props);
    if (!props.senderAddress.includes('@')) {
      throw new Error(`senderAddress must be an e-mail address, got "${props.senderAddress}"`);
    }

    this.failures = new DeadLetterQueue(this, 'Failures', {
      alarmTopic: props.alarmTopic,
      holds: 'notifications that could not be sent (or delivered to the queue)',
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the function timeout (AWS's guidance for SQS event sources): a batch still
      // being retried by the poller never becomes visible to a second one.
      visibilityTimeout: Duration.seconds(FUNCTION_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.failures.queue, maxReceiveCount: NOTIFICATIONS_MAX_RECEIVE_COUNT },
    });

    this.rule = new events.Rule(this, 'NotifyingEvents', {
      eventBus: props.bus,
      description: 'Domain events that notify someone, to the notifications queue',
      eventPattern: {
        source: [...new Set(NOTIFYING_EVENTS.map(sourceOf))],
        detailType: [...NOTIFYING_EVENTS],
      },
      targets: [
        new targets.SqsQueue(this.queue, {
          deadLetterQueue: this.failures.queue,
          retryAttempts: 8,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });

    const push = props.platformApplicationArn;
    this.notifications = new StratumFunction(this, 'Notifications', {
      entry: serviceEntry('notifications'),
      description: 'SES e-mail and SNS push from domain events, once per event',
      serviceName: 'notifications',
      metricsNamespace: props.metricsNamespace,
      logRetentionDays: props.logRetentionDays,
      alarmTopic: props.alarmTopic,
      memorySizeMb: props.functionMemoryMb,
      timeout: FUNCTION_TIMEOUT,
      synchronousCaller:
        'the SQS event source mapping; failed records return to the queue and are dead-lettered after 5 receives',
      environment: {
        TABLE_NAME: props.table.table.tableName,
        SENDER_ADDRESS: props.senderAddress,
        APP_URL: props.appUrl,
        ...(props.sesConfigurationSet ? { SES_CONFIGURATION_SET: props.sesConfigurationSet } : {}),
        ...(push ? { PLATFORM_APPLICATION_ARN: push } : {}),
      },
    });
    const fn = this.notifications.function;
    fn.addEventSource(
      new sources.SqsEventSource(this.queue, {
        batchSize: NOTIFICATIONS_BATCH_SIZE,
        reportBatchItemFailures: true,
        // SES's sending quota, not Lambda, is the limit: a burst waits in the queue.
        maxConcurrency: 5,
      }),
    );
    for (const mapping of fn.node.children.filter((child) => child instanceof lambda.EventSourceMapping)) {
      Validations.of(mapping).acknowledge({
        id: 'Serverless::Serverless-LambdaEventSourceMappingDestination',
        reason:
          'An SQS event source has no on-failure destination in Lambda: a failed record returns to the queue, whose redrive policy moves it to the alarmed DLQ after 5 receives.',
      });
    }
    grantTableItems(props.table, fn, {
      actions: [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:Query',
      ],
    });

    const sesArn = (resource: string) =>
      this.formatArn({ service: 'ses', resource, resourceName: undefined });
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          sesArn(`identity/${props.emailIdentity}`),
          ...(props.sesConfigurationSet ? [sesArn(`configuration-set/${props.sesConfigurationSet}`)] : []),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': bareAddress(props.senderAddress) } },
      }),
    );
    if (push) {
      const endpoints = endpointsOf(push);
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [endpoints] }));
      Validations.of(fn.role ?? fn).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${endpoints}]`,
        reason:
          "Device endpoints are created at run time, one per registered device, under the stage's platform application: the wildcard covers that application's endpoints and nothing else.",
      });
    }
  }
}

function sourceOf(name: DomainEventName): string {
  const definition = domainEventDefinition(name);
  if (!definition) throw new Error(`${name} is not in the event catalogue`);
  return definition.source;
}

/** `Stratum <no-reply@example.com>` -> `no-reply@example.com`. */
function bareAddress(address: string): string {
  return /<([^>]+)>/.exec(address)?.[1] ?? address.trim();
}

/** The ARN pattern of a platform application's endpoints: `...:endpoint/<platform>/<name>/*`. */
export function endpointsOf(platformApplicationArn: string): string {
  if (Token.isUnresolved(platformApplicationArn)) {
    throw new Error('platformApplicationArn must be a literal ARN: its endpoints ARN is derived from it');
  }
  const match = /^(arn:[^:]+:sns:[^:]+:\d{12}):app\/([^/]+)\/([^/]+)$/.exec(platformApplicationArn);
  if (!match) {
    throw new Error(`"${platformApplicationArn}" is not an SNS platform application ARN`);
  }
  return `${match[1]}:endpoint/${match[2]}/${match[3]}/*`;
}
