import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { LOCK_FILE, REPOSITORY_ROOT, serviceEntry } from './service-entry.ts';
import { FUNCTION_BUNDLING } from './stratum-function.ts';

/**
 * The internal app's Lambda@Edge viewer-request guard (`services/internal-edge-guard`): the
 * sign-in shell for anyone, everything else only with a valid staff ID token in a cookie.
 * Lambda@Edge dictates the shape: us-east-1, x86_64, at most 128 MB and 5 s for viewer
 * triggers, no environment variables (the guard reads the pool from the app's `config.json`),
 * a published version, and a role CloudFront's replicator can assume. It cannot use
 * `StratumFunction`, whose X-Ray tracing, arm64 and environment Lambda@Edge rejects.
 * See docs/adr/0003-internal-app-edge-guard.md.
 */
export class WebEdgeGuard extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly version: lambda.IVersion;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    if (Stack.of(this).region !== 'us-east-1') {
      throw new Error(`Lambda@Edge functions must be created in us-east-1, not ${Stack.of(this).region}`);
    }
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('lambda.amazonaws.com'),
        new iam.ServicePrincipal('edgelambda.amazonaws.com'),
      ),
      description: 'Execution role of the internal app edge guard',
    });
    // Replicas log to /aws/lambda/us-east-1.<name> in whichever region serves the viewer, so the
    // log groups cannot be created (nor scoped) here ahead of time.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [
          `arn:${Stack.of(this).partition}:logs:*:${Stack.of(this).account}:log-group:/aws/lambda/us-east-1.*`,
        ],
      }),
    );
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      role,
      entry: serviceEntry('internal-edge-guard'),
      handler: 'handler',
      description: 'Internal app: viewer-request guard (staff token cookie)',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.X86_64,
      memorySize: 128,
      timeout: Duration.seconds(5),
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: LOCK_FILE,
      awsSdkConnectionReuse: false,
      bundling: { ...FUNCTION_BUNDLING, sourceMap: false },
    });
    this.version = this.function.currentVersion;
    const account = Stack.of(this).account;
    const accountEvidence = Token.isUnresolved(account) ? '<AWS::AccountId>' : account;
    Validations.of(role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:*:${accountEvidence}:log-group:/aws/lambda/us-east-1.*]`,
      reason:
        'Lambda@Edge replicas write to /aws/lambda/us-east-1.<function> in the region of the edge location that serves each viewer; the region is unknowable in advance, the log group name pattern is as narrow as Lambda@Edge allows.',
    });
    Validations.of(this.function).acknowledge(
      {
        id: 'Serverless::Serverless-LambdaTracing',
        reason: 'Lambda@Edge does not support X-Ray tracing.',
      },
      {
        id: 'Serverless::Serverless-LambdaDLQ',
        reason:
          'CloudFront invokes the guard synchronously on each viewer request; there is no event to keep.',
      },
      {
        id: 'Serverless::Serverless-LambdaDefaultMemorySize',
        reason: 'Viewer-request triggers are limited to 128 MB by Lambda@Edge.',
      },
      {
        id: 'Serverless::Serverless-LambdaLatestVersion',
        reason: 'Node.js 22 is the newest runtime this code is tested on.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-L1',
        reason: 'Node.js 22 is the newest runtime this code is tested on.',
      },
    );
  }
}
