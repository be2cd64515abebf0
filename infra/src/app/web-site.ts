import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deployment from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { apiBehaviour } from './api-behaviour.ts';
import { WebSecurityHeaders } from './web-security-headers.ts';

export interface WebSiteProps {
  /** The distribution's comment; the sandbox lists distributions by it. */
  readonly comment: string;
  /** The built app (`web/<app>/dist`, see `webAppDist`). */
  readonly assetsDir: string;
  /** Written as `/config.json` at deploy time; values may be deploy-time tokens (pool ids, ...). */
  readonly config: Readonly<Record<string, string>>;
  /** The HTTP API's endpoint: `/graphql` is routed there, so the app calls its own origin. */
  readonly apiEndpoint: string;
  /** ARN of the CLOUDFRONT-scope web ACL the API's distribution uses (edge stack). */
  readonly webAclArn: string;
  /** Origins besides its own the app talks to (Content Security Policy). */
  readonly externalSources: readonly string[];
  readonly logRetentionDays: number;
  /** A Lambda@Edge viewer-request function guarding everything but `/graphql`. @default none: public */
  readonly viewerRequestGuard?: lambda.IVersion;
  /** A custom domain's certificate (us-east-1); then TLS 1.2 (2021 policy) is the minimum. @default the *.cloudfront.net name */
  readonly certificate?: acm.ICertificate;
  readonly domainNames?: readonly string[];
}

/** Rewrites app routes (no file extension) to the shell, leaving assets and `/graphql` alone. */
const SPA_ROUTES_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** Hashed Vite assets never change under a name; the shell and config.json must be revalidated. */
const IMMUTABLE = deployment.CacheControl.fromString('public, max-age=31536000, immutable');
const REVALIDATE = deployment.CacheControl.fromString('no-cache');

/**
 * One single-page app on CloudFront: a private, versioned, TLS-only bucket reached through origin
 * access control only; a distribution with the security headers policy, HTTPS, compression,
 * access logs and the stage's web ACL, and `/graphql` routed to the API (same origin: no CORS).
 *
 * App routes fall back to `/index.html` by a viewer-request rewrite (a CloudFront Function, or
 * the guard when there is one) rather than by 403/404 custom error responses: those apply to
 * every behaviour and would turn the API's 403 (token refused) into an HTML page with status 200.
 *
 * The assets are deployed in two steps: hashed files with a one-year immutable cache and no
 * pruning (a browser still running the previous build can load its chunks), then `index.html`
 * and the generated `config.json` with `no-cache`, invalidated at the edge.
 */
export class WebSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    // CloudFront standard logs are written through an ACL grant, so this bucket accepts ACLs
    // (object writer); it stays private, blocks public ACLs and also receives the site bucket's
    // server access logs.
    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        'This bucket receives access logs; logging the access to a log bucket would need yet another log bucket, without end.',
    });
    // The content is served to every browser, so SSE-S3 suffices: a customer-managed key would
    // protect nothing more and add a KMS request to every cache miss.
    this.bucket = new s3.Bucket(this, 'Assets', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new WebSecurityHeaders(this, 'SecurityHeaders', {
      externalSources: props.externalSources,
    });
    const defaultBehavior: cloudfront.BehaviorOptions = {
      origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers.policy,
      compress: true,
      ...(props.viewerRequestGuard
        ? {
            edgeLambdas: [
              {
                eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST,
                functionVersion: props.viewerRequestGuard,
              },
            ],
          }
        : {
            functionAssociations: [
              {
                eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
                function: new cloudfront.Function(this, 'SpaRoutes', {
                  code: cloudfront.FunctionCode.fromInline(SPA_ROUTES_CODE),
                  runtime: cloudfront.FunctionRuntime.JS_2_0,
                  comment: 'App routes to /index.html',
                }),
              },
            ],
          }),
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: props.comment,
      defaultBehavior,
      additionalBehaviors: { '/graphql': apiBehaviour(props.apiEndpoint) },
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      ...(props.certificate && { certificate: props.certificate }),
      ...(props.domainNames && { domainNames: [...props.domainNames] }),
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      ...(props.certificate
        ? []
        : [
            {
              id: 'AwsSolutions::AwsSolutions-CFR4',
              reason:
                'No custom domain is attached yet, so viewers reach the *.cloudfront.net name, whose default certificate CloudFront serves with its own fixed policy. minimumProtocolVersion is TLSv1.2_2021 and applies as soon as a certificate is configured.',
            },
          ]),
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason:
          'The product serves customers worldwide; abusive traffic is handled by the web ACL (managed rules and a per-IP rate limit), not by country.',
      },
    );

    const assets = deployment.Source.asset(props.assetsDir);
    new deployment.BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      sources: [assets],
      exclude: ['index.html', 'config.json'],
      prune: false,
      cacheControl: [IMMUTABLE],
      memoryLimit: 512,
    });
    const shell = new deployment.BucketDeployment(this, 'DeployShell', {
      destinationBucket: this.bucket,
      sources: [assets, deployment.Source.jsonData('config.json', props.config)],
      exclude: ['*'],
      include: ['index.html', 'config.json'],
      prune: false,
      cacheControl: [REVALIDATE],
      distribution: this.distribution,
      distributionPaths: ['/', '/index.html', '/config.json'],
      memoryLimit: 512,
    });
    // The assets must be in place before the shell that references them.
    shell.node.addDependency(this.node.findChild('DeployAssets'));
  }
}
