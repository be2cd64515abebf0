import { domainEventDefinition } from '@stratum/events';
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { AppTable } from './app-table.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { MEDIA_KEY_PREFIX, type MediaBucket } from './media-bucket.ts';
import { serviceEntry } from './service-entry.ts';
import { StratumFunction } from './stratum-function.ts';

export interface MediaEventHandlersProps {
  readonly table: AppTable;
  readonly media: MediaBucket;
  /** The stage's domain-event bus (EventsStack): `TodoDeleted` comes from there. */
  readonly bus: events.IEventBus;
  readonly alarmTopic: sns.ITopic;
  readonly logRetentionDays: number;
  readonly functionMemoryMb: number;
  readonly metricsNamespace: string;
}

/** Retries of the rules' delivery and of Lambda's own asynchronous invocation. */
const RULE_RETRIES = { retryAttempts: 8, maxEventAge: Duration.hours(6) };

/**
 * The event-driven half of the media pipeline (services/media-processor/README.md): the
 * transcode-completion function, fed by MediaConvert's "Job State Change" events on the
 * account's default bus, and the cleanup function, fed by `TodoDeleted` on the stage's bus.
 * Both paths end in one alarmed dead-letter queue: events the rules could not deliver and events
 * the functions failed on after Lambda's retries.
 */
export class MediaEventHandlers extends Construct {
  readonly completion: StratumFunction;
  readonly cleanup: StratumFunction;
  readonly failures: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: MediaEventHandlersProps) {
    super(scope, id);
    this.failures = new DeadLetterQueue(this, 'Failures', {
      alarmTopic: props.alarmTopic,
      holds: 'transcode completions and media cleanups that failed',
    });
    const handler = (handlerId: string, file: string, description: string, source: string) => {
      const fn = new StratumFunction(this, handlerId, {
        entry: serviceEntry('media-processor', file),
        description,
        // The handlers name themselves media-processor in logs, traces and metrics.
        serviceName: 'media-processor',
        metricsNamespace: props.metricsNamespace,
        logRetentionDays: props.logRetentionDays,
        alarmTopic: props.alarmTopic,
        memorySizeMb: props.functionMemoryMb,
        timeout: Duration.seconds(30),
        asynchronousTrigger: { source, onFailure: this.failures.queue },
        environment: {
          TABLE_NAME: props.table.table.tableName,
          MEDIA_BUCKET_NAME: props.media.bucket.bucketName,
        },
      });
      props.table.grantReadWriteItems(fn.function);
      // Both only remove media (a todo deleted, or media deleted while it was transcoded).
      fn.function.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:DeleteObject'],
          resources: [props.media.bucket.arnForObjects(`${MEDIA_KEY_PREFIX}*`)],
        }),
      );
      fn.function.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [props.media.bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${MEDIA_KEY_PREFIX}*`] } },
        }),
      );
      return fn;
    };
    const target = (fn: StratumFunction) =>
      new targets.LambdaFunction(fn.function, { deadLetterQueue: this.failures.queue, ...RULE_RETRIES });

    this.completion = handler(
      'TranscodeCompletion',
      'job-state-handler.ts',
      'Media: READY with the renditions of a finished MediaConvert job, or FAILED with its error',
      'an EventBridge rule on the default bus (MediaConvert job state changes)',
    );
    new events.Rule(this, 'JobStateChanges', {
      description: 'Finished MediaConvert jobs (complete or failed) to the transcode-completion function',
      eventPattern: {
        source: ['aws.mediaconvert'],
        detailType: ['MediaConvert Job State Change'],
        // Only jobs the media processor started carry the media they belong to.
        detail: { status: ['COMPLETE', 'ERROR'], userMetadata: { mediaId: [{ exists: true }] } },
      },
      targets: [target(this.completion)],
    });

    this.cleanup = handler(
      'TodoMediaCleanup',
      'todo-deleted-handler.ts',
      'Media: deletes the objects and items of the media of a deleted todo',
      'an EventBridge rule on the stage bus (TodoDeleted)',
    );
    const todoDeleted = domainEventDefinition('TodoDeleted');
    if (!todoDeleted) throw new Error('TodoDeleted is not in the event catalogue');
    new events.Rule(this, 'TodoDeletedRule', {
      eventBus: props.bus,
      description: 'Deleted todos to the media cleanup function',
      eventPattern: { source: [todoDeleted.source], detailType: ['TodoDeleted'] },
      targets: [target(this.cleanup)],
    });

    props.media.acknowledgeKeyPatterns(
      this,
      ['tenants/*'],
      'Both functions delete media objects only (of a deleted todo, or of media deleted while it was transcoded) for any tenant: the tenant comes from the event, and the item is read before a key is named.',
    );
  }
}
