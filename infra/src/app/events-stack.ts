import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { COUNTED_EVENTS } from '../../../services/analytics/src/counter-of-event.ts';
import type { AppTable } from './app-table.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { RateSchedule } from './rate-schedule.ts';
import { serviceEntry } from './service-entry.ts';
import { StratumFunction } from './stratum-function.ts';
import { grantTableItems } from './table-item-grants.ts';
import { TableStreamPipe } from './table-stream-pipe.ts';

export interface EventsStackProps extends StackProps {
  readonly table: AppTable;
  readonly alarmTopic: sns.ITopic;
  readonly logRetentionDays: number;
  readonly functionMemoryMb: number;
  /** `POWERTOOLS_METRICS_NAMESPACE` of the stage. */
  readonly metricsNamespace: string;
}

/** Days the bus archive keeps events for replay; analytics markers (35 days) must outlive it. */
export const ARCHIVE_RETENTION_DAYS = 30;
/** `MARKER_TTL_DAYS` of analytics: longer than the archive, so a replay never counts twice. */
const ANALYTICS_MARKER_TTL_DAYS = 35;
/** How often the due-soon reminders run, and how far ahead they look. */
const DUE_SOON_EVERY = Duration.minutes(15);
const DUE_SOON_HOURS = 24;

/**
 * The stage's domain events (ADR 0006): the custom bus and its archive, the pipe that turns
 * table-stream records into events through the enrichment function, the analytics consumer,
 * and the schedule that publishes `TodoDueSoon`. Every asynchronous hop ends in a
 * dead-letter queue with an alarm.
 */
export class EventsStack extends Stack {
  readonly bus: events.EventBus;
  readonly archive: events.Archive;
  readonly enricher: StratumFunction;
  readonly pipe: TableStreamPipe;
  readonly analytics: StratumFunction;
  readonly dueSoon: StratumFunction;
  readonly pipeFailures: DeadLetterQueue;
  readonly analyticsFailures: DeadLetterQueue;
  readonly dueSoonFailures: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    const common = {
      metricsNamespace: props.metricsNamespace,
      logRetentionDays: props.logRetentionDays,
      alarmTopic: props.alarmTopic,
      memorySizeMb: props.functionMemoryMb,
    };

    this.bus = new events.EventBus(this, 'Bus', {
      description: 'Domain events of the stage (@stratum/events)',
    });
    if (ANALYTICS_MARKER_TTL_DAYS <= ARCHIVE_RETENTION_DAYS) {
      throw new Error('analytics markers must outlive the archive, or a replay counts events twice');
    }
    this.archive = this.bus.archive('Archive', {
      description: 'Every event of the bus, for replay',
      eventPattern: { account: [this.account] },
      retention: Duration.days(ARCHIVE_RETENTION_DAYS),
    });

    // Table stream -> filter -> enrichment -> bus.
    this.enricher = new StratumFunction(this, 'EventEnricher', {
      ...common,
      entry: serviceEntry('event-enricher'),
      description: 'Pipe enrichment: table stream records to domain events',
      serviceName: 'event-enricher',
      timeout: Duration.seconds(30),
      synchronousCaller:
        'EventBridge Pipes as the enrichment step (a failed batch is retried and bisected by the pipe, then dead-lettered to its queue)',
    });
    this.pipeFailures = new DeadLetterQueue(this, 'PipeFailures', {
      alarmTopic: props.alarmTopic,
      holds: 'table-stream records the pipe could not turn into events',
    });
    this.pipe = new TableStreamPipe(this, 'TableStreamPipe', {
      table: props.table,
      enrichment: this.enricher.function,
      bus: this.bus,
      deadLetterQueue: this.pipeFailures.queue,
    });

    // Bus -> analytics counters.
    this.analyticsFailures = new DeadLetterQueue(this, 'AnalyticsFailures', {
      alarmTopic: props.alarmTopic,
      holds: 'events analytics could not count',
    });
    this.analytics = new StratumFunction(this, 'Analytics', {
      ...common,
      entry: serviceEntry('analytics'),
      description: 'Per-tenant counters and daily aggregates from domain events',
      serviceName: 'analytics',
      timeout: Duration.seconds(10),
      // Lambda's own retries (errors, throttling) end in the same queue as the events the rule
      // could not deliver at all.
      asynchronousTrigger: {
        source: 'an EventBridge rule on the bus (AnalyticsRule; its own retries and DLQ cover delivery)',
        onFailure: this.analyticsFailures.queue,
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
      },
      environment: {
        TABLE_NAME: props.table.table.tableName,
        MARKER_TTL_DAYS: String(ANALYTICS_MARKER_TTL_DAYS),
      },
    });
    grantTableItems(props.table, this.analytics.function, {
      actions: ['dynamodb:TransactWriteItems', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    });
    new events.Rule(this, 'AnalyticsRule', {
      eventBus: this.bus,
      description: 'Counted domain events to analytics',
      eventPattern: { source: events.Match.prefix('stratum.'), detailType: [...COUNTED_EVENTS] },
      targets: [
        new targets.LambdaFunction(this.analytics.function, {
          deadLetterQueue: this.analyticsFailures.queue,
          retryAttempts: 8,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });

    // Schedule -> due-soon reminders -> bus.
    this.dueSoonFailures = new DeadLetterQueue(this, 'DueSoonFailures', {
      alarmTopic: props.alarmTopic,
      holds: 'due-soon runs that failed',
    });
    this.dueSoon = new StratumFunction(this, 'DueSoon', {
      ...common,
      entry: serviceEntry('due-soon'),
      description: 'Publishes TodoDueSoon for open todos due within the next day',
      serviceName: 'due-soon',
      timeout: Duration.minutes(2),
      // A failed run is not retried by Lambda: the next run, 15 minutes later, covers it.
      asynchronousTrigger: {
        source: 'EventBridge Scheduler every 15 minutes (the schedule has its own retries and DLQ)',
        onFailure: this.dueSoonFailures.queue,
        retryAttempts: 0,
      },
      environment: {
        TABLE_NAME: props.table.table.tableName,
        EVENT_BUS_NAME: this.bus.eventBusName,
        DUE_SOON_HOURS: String(DUE_SOON_HOURS),
      },
    });
    grantTableItems(props.table, this.dueSoon.function, {
      actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
      queriedIndexes: ['gsi1'],
    });
    this.dueSoon.function.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [this.bus.eventBusArn] }),
    );
    new RateSchedule(this, 'DueSoonSchedule', {
      description: 'Runs the due-soon reminders',
      every: DUE_SOON_EVERY,
      target: this.dueSoon.function,
      deadLetterQueue: this.dueSoonFailures.queue,
    });

    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
  }
}
