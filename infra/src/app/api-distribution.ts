import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { apiBehaviour } from './api-behaviour.ts';

export interface ApiDistributionProps {
  /** `https://<id>.execute-api.<region>.amazonaws.com`, as the HTTP API exposes it. */
  readonly apiEndpoint: string;
  /** ARN of a CLOUDFRONT-scope WAFv2 web ACL. */
  readonly webAclArn: string;
  /** Days CloudFront access logs are kept. */
  readonly logRetentionDays: number;
}

/**
 * CloudFront in front of the HTTP API (see `apiBehaviour`: nothing cached, HTTPS only, every
 * viewer header but `Host`), the web ACL attached, and standard access logs in a private bucket.
 */
export class ApiDistribution extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly logBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ApiDistributionProps) {
    super(scope, id);
    // CloudFront standard logging writes through an ACL grant to its log-delivery account,
    // so the bucket must accept ACLs (object writer); it stays private and blocks public ACLs.
    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      versioned: false,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        'This bucket receives CloudFront access logs; logging the access to a log bucket would need yet another log bucket, without end.',
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Stratum GraphQL API',
      defaultBehavior: apiBehaviour(props.apiEndpoint),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'api/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'No custom domain is attached yet, so viewers reach the *.cloudfront.net name, whose default certificate CloudFront serves with its own fixed policy. minimumProtocolVersion is set to TLSv1.2_2021 and applies as soon as a custom domain with an ACM certificate is attached; the origin side is TLS 1.2 only.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason:
          'The product serves customers worldwide; abusive traffic is handled by the web ACL (managed rules and a per-IP rate limit), not by country.',
      },
    );
  }
}
