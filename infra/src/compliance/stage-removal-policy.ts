import { CfnResource, type IAspect, RemovalPolicy } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Resource types that hold data a user would miss: the stage's removal policy applies to them. */
const STATEFUL_TYPES = new Set([
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::Cognito::UserPool',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::SQS::Queue',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::Events::Archive',
]);

const POLICIES = {
  destroy: RemovalPolicy.DESTROY,
  retain: RemovalPolicy.RETAIN,
  snapshot: RemovalPolicy.SNAPSHOT,
} as const;

/**
 * Applies the stage's removal policy to every stateful resource, so that a throwaway
 * preview stage is deleted cleanly and production data outlives its stack.
 * `snapshot` falls back to `retain` for types that cannot be snapshotted.
 */
export class StageRemovalPolicy implements IAspect {
  constructor(private readonly policy: keyof typeof POLICIES) {}

  visit(node: IConstruct): void {
    if (!(node instanceof CfnResource) || !STATEFUL_TYPES.has(node.cfnResourceType)) {
      return;
    }
    const snapshotable = node.cfnResourceType.startsWith('AWS::RDS::');
    const policy = this.policy === 'snapshot' && !snapshotable ? 'retain' : this.policy;
    node.applyRemovalPolicy(POLICIES[policy], { applyToUpdateReplacePolicy: true });
  }
}
