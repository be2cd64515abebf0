import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Event } from '../../src/s3/s3-event.ts';
import { s3ResourceProviders } from '../../src/s3/s3-resource-providers.ts';
import {
  AssetIndex,
  type CfnTemplate,
  type DeployedStack,
  deployStack,
  ExportRegistry,
  planStack,
} from '../../src/template/index.ts';
import { stackOf } from '../template/inline-stack.ts';
import { type S3Sandbox, startS3Sandbox } from './s3-sandbox.ts';

const ASSET_BUCKET = 'cdk-hnb659fds-assets-123456789012-eu-west-1';
const invoked: S3Event[] = [];
let sandbox: S3Sandbox;
let s3: ReturnType<typeof s3ResourceProviders>;
let work: string;

beforeAll(async () => {
  sandbox = await startS3Sandbox({
    destinations: {
      async invokeFunction(_arn, event) {
        invoked.push(event);
      },
    },
  });
  s3 = s3ResourceProviders({
    client: sandbox.s3,
    buckets: sandbox.buckets,
    applyNotifications: (bucket, notifications) => sandbox.front.setNotifications(bucket, notifications),
  });
  work = mkdtempSync(join(tmpdir(), 's3-providers-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await sandbox.close();
});

function deploy(template: Partial<CfnTemplate>, assets = new AssetIndex()): Promise<DeployedStack> {
  return deployStack(planStack(stackOf(template), s3.providers), {
    providers: s3.providers,
    exports: new ExportRegistry(),
    assets,
  });
}

async function text(bucket: string, key: string): Promise<string> {
  const object = await sandbox.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await object.Body?.transformToString()) ?? '';
}

async function keys(bucket: string): Promise<string[]> {
  const listed = await sandbox.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
}

describe('AWS::S3::Bucket and CDK custom resources', () => {
  it('creates buckets with generated names, AWS attributes, CORS and CDK-managed notifications', async () => {
    const deployed = await deploy({
      Resources: {
        Media: {
          Type: 'AWS::S3::Bucket',
          Properties: {
            VersioningConfiguration: { Status: 'Enabled' },
            CorsConfiguration: {
              CorsRules: [{ AllowedMethods: ['POST'], AllowedOrigins: ['http://localhost:5173'] }],
            },
          },
        },
        MediaPolicy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: { Ref: 'Media' },
            PolicyDocument: { Statement: [{ Effect: 'Deny', Action: 's3:*' }] },
          },
        },
        MediaNotifications: {
          Type: 'Custom::S3BucketNotifications',
          Properties: {
            ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:BucketNotificationsHandler',
            BucketName: { Ref: 'Media' },
            Managed: true,
            NotificationConfiguration: {
              LambdaFunctionConfigurations: [
                {
                  Events: ['s3:ObjectCreated:*'],
                  LambdaFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:processor',
                  Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
                },
              ],
            },
          },
        },
      },
      Outputs: {
        Arn: { Value: { 'Fn::GetAtt': ['Media', 'Arn'] } },
        Regional: { Value: { 'Fn::GetAtt': ['Media', 'RegionalDomainName'] } },
        Website: { Value: { 'Fn::GetAtt': ['Media', 'WebsiteURL'] } },
      },
    });
    const name = deployed.resources.get('Media')?.physicalId ?? '';
    expect(name).toMatch(/^test-stack-media-[0-9a-f]{12}$/);
    expect(deployed.outputs).toEqual({
      Arn: `arn:aws:s3:::${name}`,
      Regional: `${name}.s3.eu-west-1.amazonaws.com`,
      Website: `http://${name}.s3-website-eu-west-1.amazonaws.com`,
    });
    const settings = sandbox.buckets.settingsOf(name);
    expect(settings.versioning).toBe('Enabled');
    expect(settings.policy).toEqual({ Statement: [{ Effect: 'Deny', Action: 's3:*' }] });
    expect(settings.cors?.[0]?.allowedMethods).toEqual(['POST']);
    await sandbox.s3.send(new PutObjectCommand({ Bucket: name, Key: 'uploads/a.png', Body: 'png' }));
    await sandbox.s3.send(new PutObjectCommand({ Bucket: name, Key: 'thumbnails/a.png', Body: 'png' }));
    await sandbox.front.drain();
    expect(invoked.map((event) => event.Records[0]?.eventName)).toEqual(['ObjectCreated:Put']);
  });

  it('refuses a bucket S3 would refuse, naming every problem', async () => {
    await expect(
      deploy({
        Resources: {
          Bad: {
            Type: 'AWS::S3::Bucket',
            Properties: {
              BucketName: 'Not_Valid',
              CorsConfiguration: { CorsRules: [{ AllowedMethods: ['PATCH'], AllowedOrigins: ['*'] }] },
            },
          },
        },
      }),
    ).rejects.toThrow(/BucketName "Not_Valid" must be 3-63 characters/);
  });

  it('deploys zip and folder assets with markers, prefix, metadata and prune, and empties auto-delete buckets', async () => {
    const zipPath = join(work, 'site.zip');
    writeFileSync(
      zipPath,
      zipSync({
        'index.html': Buffer.from('<html>old</html>'),
        'assets/app.js': Buffer.from('console.log(1)'),
        'assets/app.js.map': Buffer.from('{}'),
      }),
    );
    const dataDir = join(work, 'data');
    mkdirSync(dataDir);
    writeFileSync(
      join(dataDir, 'config.json'),
      '{"apiUrl":"<<marker:0xbaba:0>>","name":"<<marker:0xbaba:1>>"}',
    );
    writeFileSync(join(dataDir, 'index.html'), '<html>new</html>');
    const assets = new AssetIndex([
      [`s3://${ASSET_BUCKET}/site.zip`, { id: 'site', path: zipPath, packaging: 'file' }],
      [`s3://${ASSET_BUCKET}/data.zip`, { id: 'data', path: dataDir, packaging: 'zip' }],
    ]);
    const deployed = await deploy(
      {
        Resources: {
          Site: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'web-site' } },
          SiteAutoDelete: {
            Type: 'Custom::S3AutoDeleteObjects',
            Properties: { BucketName: { Ref: 'Site' } },
          },
          Deploy: {
            Type: 'Custom::CDKBucketDeployment',
            Properties: {
              SourceBucketNames: [ASSET_BUCKET, ASSET_BUCKET],
              SourceObjectKeys: ['site.zip', 'data.zip'],
              SourceMarkers: [
                {},
                {
                  '<<marker:0xbaba:0>>': 'http://127.0.0.1:3000/graphql',
                  '<<marker:0xbaba:1>>': 'a "quoted" app',
                },
              ],
              SourceMarkersConfig: [{}, { jsonEscape: 'true' }],
              DestinationBucketName: { Ref: 'Site' },
              DestinationBucketKeyPrefix: 'app',
              DestinationBucketArn: { 'Fn::GetAtt': ['Site', 'Arn'] },
              Exclude: ['*.map'],
              SystemMetadata: { 'cache-control': 'max-age=60' },
              Prune: true,
            },
          },
        },
        Outputs: { Keys: { Value: { 'Fn::GetAtt': ['Deploy', 'SourceObjectKeys'] } } },
      },
      assets,
    );
    expect(deployed.outputs.Keys).toEqual(['site.zip', 'data.zip']);
    expect(await keys('web-site')).toEqual(['app/assets/app.js', 'app/config.json', 'app/index.html']);
    expect(await text('web-site', 'app/index.html')).toBe('<html>new</html>');
    expect(JSON.parse(await text('web-site', 'app/config.json'))).toEqual({
      apiUrl: 'http://127.0.0.1:3000/graphql',
      name: 'a "quoted" app',
    });
    const js = await sandbox.s3.send(new HeadObjectCommand({ Bucket: 'web-site', Key: 'app/assets/app.js' }));
    expect(js.ContentType).toBe('text/javascript');
    expect(js.CacheControl).toBe('max-age=60');

    // A second deployment prunes what the sources no longer hold, but keeps excluded and other-prefix keys.
    await sandbox.s3.send(new PutObjectCommand({ Bucket: 'web-site', Key: 'app/old.txt', Body: 'x' }));
    await sandbox.s3.send(new PutObjectCommand({ Bucket: 'web-site', Key: 'app/keep.map', Body: 'x' }));
    await sandbox.s3.send(new PutObjectCommand({ Bucket: 'web-site', Key: 'other/file.txt', Body: 'x' }));
    await deploy(
      {
        Resources: {
          Deploy: {
            Type: 'Custom::CDKBucketDeployment',
            Properties: {
              SourceBucketNames: [ASSET_BUCKET],
              SourceObjectKeys: ['site.zip'],
              DestinationBucketName: 'web-site',
              DestinationBucketKeyPrefix: 'app/',
              Exclude: ['*.map'],
            },
          },
        },
      },
      assets,
    );
    expect(await keys('web-site')).toEqual([
      'app/assets/app.js',
      'app/index.html',
      'app/keep.map',
      'other/file.txt',
    ]);
    expect(await text('web-site', 'app/index.html')).toBe('<html>old</html>');

    expect(await s3.onStackDelete('test-stack')).toEqual(['web-site']);
    expect(await keys('web-site')).toEqual([]);
  });
});
