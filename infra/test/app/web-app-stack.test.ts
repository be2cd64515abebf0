import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebAssetsMissingError, webAppDist } from '../../src/app/web-app-assets.ts';
import { WebAppStack, type WebAppStackProps } from '../../src/app/web-app-stack.ts';
import { addSynthGates } from '../../src/compliance/synth-gates.ts';
import { STRATUM_CONTEXT } from '../../src/stratum-app.ts';
import { temporaryOutdir } from './temporary-outdir.ts';

/** A repository root with both apps "built": an index.html and one hashed asset each. */
function builtRoot(): string {
  const root = temporaryOutdir('stratum-web-root');
  for (const app of ['app', 'internal']) {
    mkdirSync(join(root, 'web', app, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(root, 'web', app, 'dist', 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'web', app, 'dist', 'assets', 'index-abc123.js'), 'console.log(1)');
  }
  return root;
}

let app: App;
let publicApp: Template;
let internalApp: Template;

function webStack(scope: App, id: string, which: WebAppStackProps['app'], root: string): WebAppStack {
  const pools = new Stack(scope, `${id}Pools`, { env: { account: '123456789012', region: 'us-east-1' } });
  const pool = cognito.UserPool.fromUserPoolId(pools, 'Pool', 'eu-west-1_Pool1');
  // CloudFormation's validator refuses a template without resources.
  new sns.Topic(pools, 'Placeholder', { enforceSSL: true });
  return new WebAppStack(scope, id, {
    env: { account: '123456789012', region: 'us-east-1' },
    app: which,
    stageName: 'dev',
    userPool: pool,
    userPoolClient: cognito.UserPoolClient.fromUserPoolClientId(pools, 'Client', 'client-1'),
    userPoolRegion: 'eu-west-1',
    apiEndpoint: 'https://abc123.execute-api.eu-west-1.amazonaws.com',
    webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/api/1',
    logRetentionDays: 30,
    repositoryRoot: root,
  });
}

beforeAll(() => {
  const root = builtRoot();
  app = new App({
    outdir: temporaryOutdir('stratum-web-tests'),
    context: { ...STRATUM_CONTEXT, 'aws:cdk:bundling-stacks': [] },
  });
  addSynthGates(app);
  const web = webStack(app, 'Web', 'app', root);
  const internal = webStack(app, 'Internal', 'internal', root);
  publicApp = Template.fromStack(web);
  internalApp = Template.fromStack(internal);
});

describe('web app stacks', () => {
  it('pass the synth gates (cdk-nag AwsSolutions and Serverless)', () => {
    // Template.fromStack synthesized the app, gates included: reaching here means they passed.
    expect(app.synth({ force: false }).stacks.map((s) => s.stackName)).toEqual(
      expect.arrayContaining(['Web', 'Internal']),
    );
  });

  it('keep the bucket private: public access blocked, TLS only, encrypted, versioned, access-logged', () => {
    for (const template of [publicApp, internalApp]) {
      template.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: Match.anyValue(),
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'bucket/' }),
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            // Reads come from CloudFront only, through origin access control.
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Action: 's3:GetObject',
            }),
          ]),
        },
      });
      template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    }
  });

  it('serve through CloudFront with security headers, TLS 1.2_2021, logging, the web ACL and /graphql to the API', () => {
    publicApp.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Comment: 'Stratum public web app',
        DefaultRootObject: 'index.html',
        WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/api/1',
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/graphql',
            ViewerProtocolPolicy: 'https-only',
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          }),
        ],
      }),
    });
    publicApp.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("script-src 'self';.*frame-ancestors 'none'"),
            Override: true,
          },
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
          }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
        }),
      }),
    });
  });

  it('does not turn API errors into the app shell: no 403/404 custom error responses', () => {
    for (const template of [publicApp, internalApp]) {
      const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
      expect(distribution?.Properties.DistributionConfig.CustomErrorResponses).toBeUndefined();
    }
  });

  it('generates config.json at deploy time with the pool, client and Cognito endpoint', () => {
    publicApp.hasResourceProperties('Custom::CDKBucketDeployment', {
      Include: ['index.html', 'config.json'],
      SourceMarkers: Match.arrayWith([Match.objectLike({})]),
      DistributionPaths: ['/', '/index.html', '/config.json'],
    });
    publicApp.hasParameter('CognitoEndpoint', {
      Default: 'https://cognito-idp.eu-west-1.amazonaws.com/',
    });
    publicApp.hasResourceProperties('Custom::CDKBucketDeployment', {
      Exclude: ['index.html', 'config.json'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
  });

  it('guards the internal app with a Lambda@Edge viewer-request function in us-east-1', () => {
    internalApp.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Comment: 'Stratum internal staff app',
        DefaultCacheBehavior: Match.objectLike({
          LambdaFunctionAssociations: [
            Match.objectLike({ EventType: 'viewer-request', LambdaFunctionARN: { Ref: Match.anyValue() } }),
          ],
        }),
        // The API keeps its own authorization (bearer token), without the cookie guard.
        CacheBehaviors: [Match.not(Match.objectLike({ LambdaFunctionAssociations: Match.anyValue() }))],
      }),
    });
    internalApp.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['x86_64'],
      MemorySize: 128,
      Timeout: 5,
      Environment: Match.absent(),
    });
    internalApp.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: ['edgelambda.amazonaws.com', 'lambda.amazonaws.com'] } }),
        ]),
      },
    });
    publicApp.resourceCountIs('AWS::Lambda::Version', 0);
  });
});

describe('webAppDist', () => {
  it('stops synthesis with what to run when an app is not built', () => {
    const empty = temporaryOutdir('stratum-web-empty');
    expect(() => webAppDist('internal', empty)).toThrow(WebAssetsMissingError);
    expect(() => webAppDist('internal', empty)).toThrow(
      /web\/internal\/dist\/index.html does not exist.*npm run build:web/,
    );
  });
});
