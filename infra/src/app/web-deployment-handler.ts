import { type CfnResource, type Stack, Validations } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Acknowledges the findings on the function CDK creates once per stack to run `BucketDeployment`s
 * (`Custom::CDKBucketDeployment…`). It runs during deployments only, never on user requests, and
 * CDK offers no way to change its role, runtime or configuration.
 */
export function acknowledgeBucketDeploymentHandler(stack: Stack, destination: s3.IBucket): void {
  const handler = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!handler) throw new Error(`${stack.stackName} has no BucketDeployment handler to acknowledge`);
  const why =
    'CDK’s BucketDeployment handler runs only while CloudFormation deploys the stack and is not configurable';
  Validations.of(handler).acknowledge(
    {
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: `${why}: it is built with AWSLambdaBasicExecutionRole.`,
    },
    ...iam5Findings(stack, destination).map((id) => ({
      id: `AwsSolutions::AwsSolutions-IAM5[${id}]`,
      reason: `${why}: CDK grants it read on the CDK asset bucket, read-write on the site bucket only, and cloudfront:CreateInvalidation, which has no resource-level permissions.`,
    })),
    { id: 'AwsSolutions::AwsSolutions-L1', reason: `${why}: its runtime is the one CDK pins.` },
    { id: 'Serverless::Serverless-LambdaLatestVersion', reason: `${why}: its runtime is the one CDK pins.` },
    {
      id: 'Serverless::Serverless-LambdaDLQ',
      reason: `${why}: CloudFormation invokes it synchronously and reports a failure as a failed deployment.`,
    },
    { id: 'Serverless::Serverless-LambdaTracing', reason: `${why}: there is no request to trace.` },
  );
}

/** The wildcard findings on the handler's policy, each named with its evidence. */
function iam5Findings(stack: Stack, destination: s3.IBucket): string[] {
  const bucketId = stack.getLogicalId(destination.node.defaultChild as CfnResource);
  return [
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    `Resource::<${bucketId}.Arn>/*`,
    `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
    'Resource::*',
  ];
}
