import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';

export interface MediaBucketProps {
  /** Origins of the stage's web apps: browsers upload with presigned POSTs and read signed URLs. */
  readonly allowedOrigins: readonly string[];
  /** Days an overwritten or deleted object can still be restored. @default 30 */
  readonly noncurrentVersionDays?: number;
}

/** Everything users upload lives under `tenants/<tenant>/media/<media>/` (`@stratum/data` media-object-keys). */
export const MEDIA_KEY_PREFIX = 'tenants/';

/** S3 Standard-IA bills every object as at least 128 KiB: smaller objects would cost more there. */
const INFREQUENT_ACCESS_MIN_BYTES = 128 * 1024;

/**
 * The bucket of uploaded media and their renditions, with a second bucket for its server
 * access logs. Private (all public access blocked, objects owned by the bucket owner, ACLs
 * disabled), SSE-S3 encrypted, TLS only, versioned so that an overwrite or a delete can be
 * undone for `noncurrentVersionDays`.
 *
 * Lifecycle: objects ≥ 128 KiB move to Standard-IA after 30 days. The brief's wish was the
 * renditions only, but keys are `tenants/<tenant>/media/<media>/renditions/…` and lifecycle
 * filters match a literal key prefix, not a pattern: the rule covers `tenants/`, originals
 * included (they are read as rarely as the renditions once processed). Incomplete multipart
 * uploads are aborted after 1 day; noncurrent versions expire, then their delete markers.
 */
export class MediaBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: MediaBucketProps) {
    super(scope, id);
    // Log delivery through a bucket policy instead of the legacy LogDeliveryWrite ACL, which
    // ACL-less buckets (BucketOwnerEnforced) refuse. Scoped to this construct's subtree.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const secure = {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    };

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...secure,
      // Server access logs can only be delivered to SSE-S3 buckets.
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        'This bucket receives the media bucket’s server access logs; logging it into itself would loop.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...secure,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'media/',
      cors: [
        {
          allowedOrigins: [...props.allowedOrigins],
          // POST: presigned form uploads; GET/HEAD: signed download URLs fetched by the apps.
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedHeaders: ['content-type'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'media-to-infrequent-access',
          prefix: MEDIA_KEY_PREFIX,
          objectSizeGreaterThan: INFREQUENT_ACCESS_MIN_BYTES,
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
          ],
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays ?? 30),
          expiredObjectDeleteMarker: true,
        },
      ],
    });
    // The CloudFormation schema types ObjectSizeGreaterThan as a string; CDK renders a number.
    (this.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(
      'LifecycleConfiguration.Rules.0.ObjectSizeGreaterThan',
      String(INFREQUENT_ACCESS_MIN_BYTES),
    );
  }

  /**
   * Acknowledges the AwsSolutions-IAM5 finding of each key pattern granted to a role under
   * `scope`: object ARNs with `*` are how S3 permissions name a set of keys, and each pattern
   * is the narrowest that covers what the role does.
   */
  acknowledgeKeyPatterns(scope: IConstruct, patterns: readonly string[], reason: string): void {
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(scope).acknowledge(
      ...patterns.map((pattern) => ({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${pattern}]`,
        reason,
      })),
    );
  }
}
