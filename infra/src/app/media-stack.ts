import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledgeDeadLetterQueue } from '../compliance/dead-letter-queue-findings.ts';
import type { AppTable } from './app-table.ts';
import { MEDIA_KEY_PREFIX, MediaBucket } from './media-bucket.ts';
import { MediaEventHandlers } from './media-event-handlers.ts';
import { MediaTranscodeRole } from './media-transcode-role.ts';
import { serviceEntry } from './service-entry.ts';
import { SharpLayer } from './sharp-layer.ts';
import { StratumFunction } from './stratum-function.ts';
import { VideoJobTemplate } from './video-job-template.ts';

export interface MediaStackProps extends StackProps {
  readonly table: AppTable;
  readonly alarmTopic: sns.ITopic;
  /** The stage's domain-event bus (EventsStack): deleted todos take their media with them. */
  readonly bus: events.IEventBus;
  /** Origins of the stage's web apps (the API's CORS origins): they upload straight to the bucket. */
  readonly allowedOrigins: readonly string[];
  readonly logRetentionDays: number;
  readonly functionMemoryMb: number;
  /** `POWERTOOLS_METRICS_NAMESPACE` of the stage. */
  readonly metricsNamespace: string;
  /**
   * Where the upload processor gets sharp, which is native and never bundled (ADR 0007):
   * `layer` builds a linux-arm64 SharpLayer in this stack (every stage deployed to AWS);
   * `runtime-environment` expects it to resolve where the function runs — only the sandbox, whose
   * functions run on the host and find the repository's own sharp.
   */
  readonly sharpSource: 'layer' | 'runtime-environment';
}

/** sharp decodes images up to 100 MP: the processor needs the memory (and the CPU that comes with it). */
const PROCESSOR_MIN_MEMORY_MB = 1536;

/**
 * Media of todos (issue #4): the bucket users upload to with presigned POSTs, the media
 * subgraph (invoked by the gateway of the API stack, which receives `subgraph`), and the upload
 * processor that S3 notifies for every new original (`tenants/…/original`), with its failure
 * queue and alarm, the MediaConvert template and role it transcodes videos with, and the
 * functions that finish transcodes and clean up after deleted todos (`MediaEventHandlers`).
 */
export class MediaStack extends Stack {
  readonly media: MediaBucket;
  readonly subgraph: StratumFunction;
  readonly processor: StratumFunction;
  readonly processorFailures: sqs.Queue;
  readonly processorFailuresAlarm: cloudwatch.Alarm;
  readonly videoTemplate: VideoJobTemplate;
  /** Transcode completion and todo cleanup, driven by events. */
  readonly handlers: MediaEventHandlers;

  constructor(scope: Construct, id: string, props: MediaStackProps) {
    super(scope, id, props);
    const common = {
      metricsNamespace: props.metricsNamespace,
      logRetentionDays: props.logRetentionDays,
      alarmTopic: props.alarmTopic,
    };
    this.media = new MediaBucket(this, 'Media', { allowedOrigins: props.allowedOrigins });
    const bucket = this.media.bucket;
    const environment = { TABLE_NAME: props.table.table.tableName, MEDIA_BUCKET_NAME: bucket.bucketName };

    this.subgraph = new StratumFunction(this, 'MediaSubgraph', {
      ...common,
      entry: serviceEntry('media'),
      description: 'Media subgraph: presigned uploads, media of todos, signed download URLs',
      serviceName: 'media',
      memorySizeMb: props.functionMemoryMb,
      timeout: Duration.seconds(10),
      synchronousCaller: 'the GraphQL gateway (Invoke, RequestResponse)',
      environment,
    });
    props.table.grantReadWriteItems(this.subgraph.function);
    grantObjects(this.subgraph.function, bucket, ['s3:PutObject'], `${MEDIA_KEY_PREFIX}*/media/*/original`);
    grantObjects(this.subgraph.function, bucket, ['s3:GetObject', 's3:DeleteObject'], `${MEDIA_KEY_PREFIX}*`);
    grantList(this.subgraph.function, bucket);
    this.media.acknowledgeKeyPatterns(
      this.subgraph,
      ['tenants/*/media/*/original', 'tenants/*'],
      'The subgraph signs upload policies for originals (tenants/*/media/*/original, the exact key is fixed by each policy) and reads and deletes any media object (tenants/*); it checks the tenant of every item before it names a key.',
    );

    this.processorFailures = new sqs.Queue(this, 'ProcessorFailures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeDeadLetterQueue(this.processorFailures);
    this.processorFailuresAlarm = this.processorFailures
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'ProcessorFailuresAlarm', {
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `${this.node.path}: uploads the media processor gave up on (see the failure queue)`,
      });
    const alarmAction = new actions.SnsAction(props.alarmTopic);
    this.processorFailuresAlarm.addAlarmAction(alarmAction);
    this.processorFailuresAlarm.addOkAction(alarmAction);

    this.videoTemplate = new VideoJobTemplate(this, 'VideoTemplate');
    const transcodeRole = new MediaTranscodeRole(this, 'TranscodeRole', { media: this.media });

    this.processor = new StratumFunction(this, 'MediaProcessor', {
      ...common,
      entry: serviceEntry('media-processor'),
      description: 'Media processor: checks uploads, makes thumbnails, starts video transcoding',
      serviceName: 'media-processor',
      memorySizeMb: Math.max(PROCESSOR_MIN_MEMORY_MB, props.functionMemoryMb),
      timeout: Duration.seconds(60),
      asynchronousTrigger: { source: 'S3 ObjectCreated notifications', onFailure: this.processorFailures },
      externalModules: ['sharp'],
      layers: props.sharpSource === 'layer' ? [new SharpLayer(this, 'Sharp').layer] : undefined,
      environment: {
        ...environment,
        MEDIACONVERT_JOB_TEMPLATE: this.videoTemplate.name,
        MEDIACONVERT_ROLE_ARN: transcodeRole.role.roleArn,
      },
    });
    const processor = this.processor.function;
    props.table.grantReadWriteItems(processor);
    grantObjects(
      processor,
      bucket,
      ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      `${MEDIA_KEY_PREFIX}*`,
    );
    grantList(processor, bucket);
    this.media.acknowledgeKeyPatterns(
      this.processor,
      ['tenants/*'],
      'The processor reads originals, writes renditions and deletes the objects of rejected or deleted media of every tenant: the tenant comes from the key S3 notified.',
    );
    const mediaConvertArn = (resource: string) =>
      Stack.of(this).formatArn({ service: 'mediaconvert', resource, resourceName: undefined });
    processor.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['mediaconvert:GetJobTemplate'],
        resources: [mediaConvertArn(`jobTemplates/${this.videoTemplate.name}`)],
      }),
    );
    processor.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['mediaconvert:CreateJob'],
        resources: [mediaConvertArn('queues/Default')],
      }),
    );
    processor.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [transcodeRole.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'mediaconvert.amazonaws.com' } },
      }),
    );

    this.handlers = new MediaEventHandlers(this, 'Handlers', {
      table: props.table,
      media: this.media,
      bus: props.bus,
      alarmTopic: props.alarmTopic,
      logRetentionDays: props.logRetentionDays,
      functionMemoryMb: props.functionMemoryMb,
      metricsNamespace: props.metricsNamespace,
    });

    bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(processor), {
      prefix: MEDIA_KEY_PREFIX,
      suffix: '/original',
    });
    acknowledgeNotificationsHandler(this);
  }
}

/**
 * The function CDK deploys once per stack to configure bucket notifications (a custom resource
 * that runs at deploy time only) uses AWSLambdaBasicExecutionRole; CDK does not let it be replaced.
 */
function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (!handler) throw new Error('the bucket notifications handler of CDK was not found');
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'CDK’s bucket-notifications custom resource (runs during deployments only, never on user requests) is built with AWSLambdaBasicExecutionRole and offers no way to replace it.',
  });
}

/** Object actions on the keys matching `pattern` (a key pattern with `*`). */
function grantObjects(fn: lambda.IFunction, bucket: s3.IBucket, actions: string[], pattern: string): void {
  fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [bucket.arnForObjects(pattern)] }));
}

/** Listing, limited to the media prefix (deleting a media item lists its keys). */
function grantList(fn: lambda.IFunction, bucket: s3.IBucket): void {
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${MEDIA_KEY_PREFIX}*`] } },
    }),
  );
}
