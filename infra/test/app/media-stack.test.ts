import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataStack } from '../../src/app/data-stack.ts';
import { MediaStack } from '../../src/app/media-stack.ts';
import { addSynthGates } from '../../src/compliance/synth-gates.ts';
import { MonitoringStack } from '../../src/platform/monitoring-stack.ts';
import { STRATUM_CONTEXT } from '../../src/stratum-app.ts';
import { temporaryOutdir } from './temporary-outdir.ts';

/**
 * The media stack on its own (the stage wires it in separately), synthesized through the same
 * gates as every stage (cdk-nag packs, CloudFormation validator): `app.synth()` throws on any
 * unacknowledged finding. Bundling is off: these tests check the template.
 */
const ORIGINS = ['https://dev.stratum.example.com', 'https://internal.dev.stratum.example.com'];
let template: Template;

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

beforeAll(() => {
  const app = new App({
    outdir: temporaryOutdir('stratum-media-tests'),
    context: { ...STRATUM_CONTEXT, 'aws:cdk:bundling-stacks': [] },
  });
  addSynthGates(app);
  const env = { account: '666666666666', region: 'eu-west-1' };
  const monitoring = new MonitoringStack(app, 'Monitoring', { env, alarmEmails: [] });
  const data = new DataStack(app, 'Data', { env, backupRetentionDays: 7, deletionProtection: false });
  const bus = new events.EventBus(new Stack(app, 'Events', { env }), 'Bus');
  const media = new MediaStack(app, 'Media', {
    env,
    table: data.table,
    bus,
    alarmTopic: monitoring.alarms.topic,
    allowedOrigins: ORIGINS,
    logRetentionDays: 30,
    functionMemoryMb: 512,
    metricsNamespace: 'stratum-dev',
    sharpSource: 'layer',
  });
  app.synth();
  template = Template.fromStack(media);
}, 120_000);

/** Logical id of the function a `StratumFunction` with this construct id owns. */
function functionId(id: string): string {
  const ids = Object.keys(template.findResources('AWS::Lambda::Function')).filter((key) =>
    key.startsWith(`${id}Function`),
  );
  if (ids.length !== 1) throw new Error(`expected one function ${id}, found ${ids.join(', ')}`);
  return ids[0] as string;
}

/** Every statement of the policies attached to the execution role of `id`. */
function statementsOf(id: string): Statement[] {
  const role = Object.keys(template.findResources('AWS::IAM::Role')).find((key) =>
    key.startsWith(`${id}Role`),
  );
  if (!role) throw new Error(`no role for ${id}`);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(role))
    .flatMap(
      (policy) =>
        (policy.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
    );
}

const actionsOf = (statement: Statement) => [statement.Action].flat();
const mediaBucketId = () => {
  const ids = Object.keys(template.findResources('AWS::S3::Bucket')).filter((key) =>
    key.startsWith('MediaBucket'),
  );
  if (ids.length !== 1) throw new Error(`expected one media bucket, found ${ids.join(', ')}`);
  return ids[0] as string;
};

describe('media stack', () => {
  it('keeps the bucket private, encrypted, versioned, logged and TLS-only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'media/' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy')).find((p) =>
      JSON.stringify(p.Properties.Bucket).includes(mediaBucketId()),
    );
    if (!policy) throw new Error('the media bucket has no bucket policy');
    const denies = (policy.Properties.PolicyDocument.Statement as Statement[]).filter(
      (s) => s.Effect === 'Deny',
    );
    expect(denies.map((s) => s.Condition)).toEqual(
      expect.arrayContaining([
        { Bool: { 'aws:SecureTransport': 'false' } },
        { NumericLessThan: { 's3:TlsVersion': 1.2 } },
      ]),
    );
  });

  it('moves media to Standard-IA after 30 days, aborts stale multipart uploads, expires old versions', () => {
    const bucket = template.findResources('AWS::S3::Bucket')[mediaBucketId()];
    if (!bucket) throw new Error('media bucket missing');
    const rules = (bucket.Properties as { LifecycleConfiguration: { Rules: Record<string, unknown>[] } })
      .LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Prefix: 'tenants/',
          ObjectSizeGreaterThan: '131072',
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
          Status: 'Enabled',
        }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        expect.objectContaining({
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          ExpiredObjectDeleteMarker: true,
        }),
      ]),
    );
  });

  it('accepts browser uploads (POST) and downloads from the stage’s web apps only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedOrigins: ORIGINS,
            AllowedMethods: ['POST', 'GET', 'HEAD'],
            AllowedHeaders: ['content-type'],
          }),
        ],
      },
    });
  });

  it('notifies the processor of new originals under tenants/ only', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            LambdaFunctionArn: { 'Fn::GetAtt': [functionId('MediaProcessor'), 'Arn'] },
            Filter: {
              Key: {
                FilterRules: [
                  { Name: 'suffix', Value: '/original' },
                  { Name: 'prefix', Value: 'tenants/' },
                ],
              },
            },
          },
        ],
      },
    });
  });

  it('sends events the processor gave up on to a failure queue that raises an alarm', () => {
    const processor = functionId('MediaProcessor');
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: processor },
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProcessorFailures'), 'Arn'] } },
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
      AlarmActions: [Match.anyValue()],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1536,
      Timeout: 60,
      Environment: {
        Variables: Match.objectLike({
          MEDIA_BUCKET_NAME: { Ref: mediaBucketId() },
          MEDIACONVERT_JOB_TEMPLATE: 'Media-video',
          MEDIACONVERT_ROLE_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TranscodeRole'), 'Arn'] },
        }),
      },
    });
    template.hasResourceProperties('AWS::MediaConvert::JobTemplate', { Name: 'Media-video' });
  });

  it('lets the subgraph put, get and delete objects under tenants/ only, and list that prefix', () => {
    const s3Statements = statementsOf('MediaSubgraph').filter((s) =>
      actionsOf(s).some((a) => a.startsWith('s3:')),
    );
    const objectActions = s3Statements.flatMap(actionsOf).filter((a) => a !== 's3:ListBucket');
    expect(objectActions.sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    for (const statement of s3Statements) {
      expect(statement.Effect).toBe('Allow');
      const resource = JSON.stringify(statement.Resource);
      if (actionsOf(statement).includes('s3:ListBucket')) {
        expect(statement.Condition).toEqual({ StringLike: { 's3:prefix': ['tenants/*'] } });
        expect(resource).not.toContain('/');
      } else {
        expect(resource).toMatch(/"\/tenants\/\*(\/media\/\*\/original)?"/);
      }
    }
    const put = s3Statements.find((s) => actionsOf(s).includes('s3:PutObject'));
    expect(JSON.stringify(put?.Resource)).toContain('/tenants/*/media/*/original');
    // Nothing else reaches S3 or uses a wildcard action.
    expect(
      statementsOf('MediaSubgraph')
        .flatMap(actionsOf)
        .filter((a) => a.endsWith(':*')),
    ).toEqual([]);
  });

  it('lets MediaConvert read originals and write renditions only', () => {
    const role = Object.keys(template.findResources('AWS::IAM::Role')).find((key) =>
      key.startsWith('TranscodeRole'),
    );
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(role ?? '?'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    expect(statements.map((s) => [s.Action, JSON.stringify(s.Resource).match(/tenants[^"]*/)?.[0]])).toEqual([
      ['s3:GetObject', 'tenants/*/media/*/original'],
      ['s3:PutObject', 'tenants/*/media/*/renditions/*'],
    ]);
  });

  it('finishes transcodes and cleans up deleted todos from events, with retries and one alarmed DLQ', () => {
    const failures = {
      'Fn::GetAtt': [
        Object.keys(template.findResources('AWS::SQS::Queue')).find((id) =>
          id.startsWith('HandlersFailures'),
        ),
        'Arn',
      ],
    };
    const completion = functionId('HandlersTranscodeCompletion');
    const cleanup = functionId('HandlersTodoMediaCleanup');
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: Match.absent(),
      EventPattern: {
        source: ['aws.mediaconvert'],
        'detail-type': ['MediaConvert Job State Change'],
        detail: { status: ['COMPLETE', 'ERROR'], userMetadata: { mediaId: [{ exists: true }] } },
      },
      Targets: [
        Match.objectLike({ Arn: { 'Fn::GetAtt': [completion, 'Arn'] }, DeadLetterConfig: { Arn: failures } }),
      ],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: Match.anyValue(),
      EventPattern: { source: ['stratum.todo'], 'detail-type': ['TodoDeleted'] },
      Targets: [
        Match.objectLike({ Arn: { 'Fn::GetAtt': [cleanup, 'Arn'] }, DeadLetterConfig: { Arn: failures } }),
      ],
    });
    for (const fn of [completion, cleanup]) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: fn },
        DestinationConfig: { OnFailure: { Destination: failures } },
      });
    }
    // They only delete media: no reads or writes of objects.
    const objectActions = ['HandlersTranscodeCompletion', 'HandlersTodoMediaCleanup'].flatMap((id) =>
      statementsOf(id)
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('s3:')),
    );
    expect([...new Set(objectActions)].sort()).toEqual(['s3:DeleteObject', 's3:ListBucket']);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [failures['Fn::GetAtt'][0], 'QueueName'] } }],
    });
  });
});

describe('sharp for the upload processor', () => {
  it('comes from a linux-arm64 layer built in the stack (ADR 0007), not from the bundle', () => {
    const layers = template.findResources('AWS::Lambda::LayerVersion');
    const [layerId, ...others] = Object.keys(layers);
    expect(others).toEqual([]);
    expect(layers[layerId as string]?.Properties).toMatchObject({
      CompatibleArchitectures: ['arm64'],
      CompatibleRuntimes: ['nodejs22.x'],
    });
    const withLayer = Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) =>
      JSON.stringify(fn.Properties?.Layers ?? []).includes(layerId as string),
    );
    expect(withLayer).toHaveLength(1);
    expect(JSON.stringify(withLayer[0]?.Properties?.Description)).toMatch(/process|upload/i);
  });
});
