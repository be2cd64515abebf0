import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { MediaBucket } from './media-bucket.ts';

export interface MediaTranscodeRoleProps {
  readonly media: MediaBucket;
}

/**
 * The role MediaConvert assumes for a job the media processor creates (`MEDIACONVERT_ROLE_ARN`):
 * it reads originals and writes renditions of the media bucket, nothing else. Only the
 * MediaConvert service of this account may assume it.
 */
export class MediaTranscodeRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: MediaTranscodeRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('mediaconvert.amazonaws.com'),
      description: 'Assumed by MediaConvert: reads media originals, writes their renditions',
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.media.bucket.arnForObjects('tenants/*/media/*/original')],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [props.media.bucket.arnForObjects('tenants/*/media/*/renditions/*')],
      }),
    );
    props.media.acknowledgeKeyPatterns(
      this.role,
      ['tenants/*/media/*/original', 'tenants/*/media/*/renditions/*'],
      'MediaConvert reads the original and writes the renditions of whichever media item a job names; the processor sets each job’s input and output keys.',
    );
  }
}
