import type { ResolvedStage, StratumConfig } from '@stratum/config';
import { Aspects, Stage, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApiStack } from '../app/api-stack.ts';
import { AuthStack } from '../app/auth-stack.ts';
import { DataStack } from '../app/data-stack.ts';
import { EdgeStack } from '../app/edge-stack.ts';
import { EventsStack } from '../app/events-stack.ts';
import { MediaStack } from '../app/media-stack.ts';
import { NotificationsStack } from '../app/notifications-stack.ts';
import { OperationsStack } from '../app/operations-stack.ts';
import { WebAppStack } from '../app/web-app-stack.ts';
import { StageRemovalPolicy } from '../compliance/stage-removal-policy.ts';
import { applyStratumTags } from '../compliance/stratum-tags.ts';
import { MonitoringStack } from '../platform/monitoring-stack.ts';

export interface ApplicationStageProps extends StageProps {
  readonly config: StratumConfig;
  readonly stage: ResolvedStage;
}

/** Where CloudFront-scope resources (WAF web ACLs, viewer certificates) must live. */
const EDGE_REGION = 'us-east-1';

/**
 * One deployment of the application stack (ARCHITECTURE §1): `local`, `dev`, `preview-<n>`,
 * `integration`, `staging`, `prod` or `prod-<tenant>`. Every stage is built from the same
 * code; what differs comes from its resolved settings only.
 */
export class ApplicationStage extends Stage {
  readonly monitoring: MonitoringStack;
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly media: MediaStack;
  readonly api: ApiStack;
  readonly edge: EdgeStack;
  readonly events: EventsStack;
  readonly notifications: NotificationsStack;
  readonly operations: OperationsStack;
  readonly webApp: WebAppStack;
  readonly internalApp: WebAppStack;

  constructor(scope: Construct, props: ApplicationStageProps) {
    const { config, stage } = props;
    super(scope, stage.name, {
      ...props,
      env: { account: stage.accountId, region: stage.region },
    });
    const { settings } = stage;
    const stackName = (part: string) => `${config.project}-${stage.name}-${part}`;
    const describe = (what: string) => `Stratum ${stage.name}: ${what}`;
    const metricsNamespace = `${config.project}-${stage.name}`;

    this.monitoring = new MonitoringStack(this, 'Monitoring', {
      stackName: stackName('monitoring'),
      description: describe('alarm topic and monitoring backbone'),
      alarmEmails: settings.alarms.emails,
      terminationProtection: settings.deletionProtection,
    });
    const alarmTopic = this.monitoring.alarms.topic;

    this.data = new DataStack(this, 'Data', {
      stackName: stackName('data'),
      description: describe('the application table'),
      terminationProtection: settings.deletionProtection,
      backupRetentionDays: settings.backupRetentionDays,
      deletionProtection: settings.deletionProtection,
    });
    const table = this.data.table;

    this.auth = new AuthStack(this, 'Auth', {
      stackName: stackName('auth'),
      description: describe('customer and staff user pools'),
      // The web app stacks (us-east-1) read the pool and client ids.
      crossRegionReferences: stage.region !== EDGE_REGION,
      terminationProtection: settings.deletionProtection,
      table,
      alarmTopic,
      advancedSecurity: settings.advancedSecurity,
      deletionProtection: settings.deletionProtection,
      logRetentionDays: settings.logRetentionDays,
      functionMemoryMb: settings.sizes.functionMemoryMb,
      metricsNamespace,
    });

    this.events = new EventsStack(this, 'Events', {
      stackName: stackName('events'),
      description: describe('domain-event bus and archive, table-stream pipe, analytics, due-soon schedule'),
      terminationProtection: settings.deletionProtection,
      table,
      alarmTopic,
      logRetentionDays: settings.logRetentionDays,
      functionMemoryMb: settings.sizes.functionMemoryMb,
      metricsNamespace,
    });

    // Before the API: the gateway invokes the media subgraph.
    this.media = new MediaStack(this, 'Media', {
      stackName: stackName('media'),
      description: describe('media bucket, media subgraph, upload processor and video transcoding'),
      terminationProtection: settings.deletionProtection,
      table,
      alarmTopic,
      bus: this.events.bus,
      allowedOrigins: uploadOrigins(stage),
      sharpSource: stage.kind === 'local' ? 'runtime-environment' : 'layer',
      logRetentionDays: settings.logRetentionDays,
      functionMemoryMb: settings.sizes.functionMemoryMb,
      metricsNamespace,
    });

    const { notifications } = stage;
    this.notifications = new NotificationsStack(this, 'Notifications', {
      stackName: stackName('notifications'),
      description: describe('notification queue, SES e-mail and SNS push'),
      terminationProtection: settings.deletionProtection,
      table,
      bus: this.events.bus,
      alarmTopic,
      logRetentionDays: settings.logRetentionDays,
      functionMemoryMb: settings.sizes.functionMemoryMb,
      metricsNamespace,
      emailIdentity: notifications.emailIdentity,
      senderAddress: notifications.senderAddress,
      appUrl: notifications.appUrl,
      ...(notifications.pushPlatformApplicationArn && {
        platformApplicationArn: notifications.pushPlatformApplicationArn,
      }),
    });

    // Before the API: the gateway invokes the operations subgraph, which reads the stage's DLQs.
    this.operations = new OperationsStack(this, 'Operations', {
      stackName: stackName('operations'),
      description: describe('operations subgraph: dead-letter queues and redrive (staff)'),
      terminationProtection: settings.deletionProtection,
      alarmTopic,
      logRetentionDays: settings.logRetentionDays,
      functionMemoryMb: settings.sizes.functionMemoryMb,
      metricsNamespace,
      deadLetterQueues: [
        {
          name: 'notifications',
          feeds: 'notifications that failed 5 receives, or that the rule could not deliver',
          queue: this.notifications.failures.queue,
          kind: 'sqs-queue',
          source: this.notifications.queue,
        },
        {
          name: 'analytics',
          feeds: 'events analytics could not count',
          queue: this.events.analyticsFailures.queue,
          kind: 'lambda-async',
          source: this.events.analytics.function,
        },
        {
          name: 'media-processor',
          feeds: 'uploads the media processor gave up on',
          queue: this.media.processorFailures,
          kind: 'lambda-async',
          source: this.media.processor.function,
        },
        {
          name: 'media-events',
          feeds: 'transcode completions and media cleanups that failed',
          queue: this.media.handlers.failures.queue,
          kind: 'lambda-async',
          source: [this.media.handlers.completion.function, this.media.handlers.cleanup.function],
        },
        {
          name: 'table-stream-pipe',
          feeds: 'table-stream batches the pipe could not turn into events',
          queue: this.events.pipeFailures.queue,
          kind: 'pipe',
          sourceArn: this.events.pipe.pipe.attrArn,
        },
        {
          name: 'due-soon',
          feeds: 'due-soon runs that failed',
          queue: this.events.dueSoonFailures.queue,
          kind: 'scheduled-job',
          source: this.events.dueSoon.function,
        },
      ],
    });

    this.api = new ApiStack(this, 'Api', {
      stackName: stackName('api'),
      description: describe('GraphQL HTTP API, authorizer, gateway and subgraphs'),
      crossRegionReferences: stage.region !== EDGE_REGION,
      table,
      customerPool: { pool: this.auth.customers.pool, clients: [this.auth.customers.client] },
      staffPool: { pool: this.auth.staff.pool, clients: [this.auth.staff.client] },
      alarmTopic,
      maskErrors: settings.maskErrors,
      logRetentionDays: settings.logRetentionDays,
      functionMemoryMb: settings.sizes.functionMemoryMb,
      gatewayMemoryMb: settings.sizes.gatewayMemoryMb,
      apiRateLimit: settings.sizes.apiRateLimit,
      apiBurstLimit: settings.sizes.apiBurstLimit,
      allowedOrigins: webOrigins(stage),
      metricsNamespace,
      mediaSubgraph: this.media.subgraph.function,
      operationsSubgraph: this.operations.subgraph.function,
      ...(stage.notifications.pushPlatformApplicationArn && {
        pushPlatformApplicationArn: stage.notifications.pushPlatformApplicationArn,
      }),
    });

    this.edge = new EdgeStack(this, 'Edge', {
      stackName: stackName('edge'),
      description: describe('CloudFront and WAF in front of the API (us-east-1)'),
      env: { account: stage.accountId, region: EDGE_REGION },
      crossRegionReferences: stage.region !== EDGE_REGION,
      apiEndpoint: this.api.http.api.apiEndpoint,
      wafRateLimitPer5Min: settings.sizes.wafRateLimitPer5Min,
      logRetentionDays: settings.logRetentionDays,
      metricPrefix: metricsNamespace,
    });

    const web = {
      env: { account: stage.accountId, region: EDGE_REGION },
      crossRegionReferences: stage.region !== EDGE_REGION,
      stageName: stage.name,
      userPoolRegion: stage.region,
      apiEndpoint: this.api.http.api.apiEndpoint,
      webAclArn: this.edge.webAcl.acl.attrArn,
      logRetentionDays: settings.logRetentionDays,
      // The sandbox serves Cognito, S3 and the API on loopback ports.
      ...(stage.kind === 'local' && { extraSources: ['http://127.0.0.1:*', 'http://localhost:*'] }),
    };
    this.webApp = new WebAppStack(this, 'WebApp', {
      ...web,
      stackName: stackName('web-app'),
      description: describe('public web app on S3 and CloudFront (us-east-1)'),
      app: 'app',
      userPool: this.auth.customers.pool,
      userPoolClient: this.auth.customers.client,
    });
    this.internalApp = new WebAppStack(this, 'InternalApp', {
      ...web,
      stackName: stackName('internal-app'),
      description: describe('internal staff app on S3 and CloudFront, guarded at the edge (us-east-1)'),
      app: 'internal',
      userPool: this.auth.staff.pool,
      userPoolClient: this.auth.staff.client,
    });

    applyStratumTags(this, {
      project: config.project,
      stage: stage.name,
      owner: config.owner,
      costCenter: config.costCenter,
    });
    Aspects.of(this).add(new StageRemovalPolicy(settings.removalPolicy));
  }
}

/**
 * Origins the API accepts browser calls from: the public app on the stage's domain and the
 * staff app on `internal.<domain>`; the sandbox (`local`) adds the Vite dev servers.
 */
function webOrigins(stage: ResolvedStage): string[] {
  const origins = [`https://${stage.domain}`, `https://internal.${stage.domain}`];
  if (stage.kind === 'local') {
    origins.push('http://localhost:5173', 'http://localhost:5174');
  }
  return origins;
}

/**
 * Origins browsers upload media from (the media bucket's CORS): the web apps' origins and, in the
 * sandbox, any loopback port, since its CloudFront emulation serves the apps on free ports. S3 CORS
 * accepts one `*` per origin; the API's CORS list stays exact.
 */
function uploadOrigins(stage: ResolvedStage): string[] {
  const origins = webOrigins(stage);
  if (stage.kind === 'local') origins.push('http://127.0.0.1:*', 'http://localhost:*');
  return origins;
}
