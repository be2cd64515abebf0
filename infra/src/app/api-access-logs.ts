import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ApiAccessLogsProps {
  /** One of the CloudWatch Logs retention periods. */
  readonly retentionDays: number;
}

/**
 * One JSON line per request, with what an on-call engineer needs to follow it: the request
 * id (also in the gateway's logs), caller IP, route, status, latencies, and the error of the
 * integration or the authorizer when there is one.
 */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  errorMessage: '$context.error.message',
});

/** The log group the HTTP API writes its access logs to, encrypted with its own key. */
export class ApiAccessLogs extends Construct {
  readonly logGroup: logs.LogGroup;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: ApiAccessLogsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the access logs of the HTTP API',
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
    });
    // CloudWatch Logs encrypts with the key on behalf of log groups of this account and region only.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.retentionDays as logs.RetentionDays,
      encryptionKey: this.key,
    });
  }
}
