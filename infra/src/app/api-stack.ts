import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ApiAccessLogs } from './api-access-logs.ts';
import type { AppTable } from './app-table.ts';
import { GraphqlHttpApi } from './graphql-http-api.ts';
import { endpointsOf } from './notifications-stack.ts';
import { serviceEntry } from './service-entry.ts';
import { StratumFunction } from './stratum-function.ts';

/** A user pool and the app clients whose tokens the API accepts. */
export interface TrustedPool {
  readonly pool: cognito.UserPool;
  readonly clients: readonly cognito.IUserPoolClient[];
}

export interface ApiStackProps extends StackProps {
  readonly table: AppTable;
  readonly customerPool: TrustedPool;
  readonly staffPool: TrustedPool;
  readonly alarmTopic: sns.ITopic;
  /** Hide error details from GraphQL clients and turn GraphiQL off. */
  readonly maskErrors: boolean;
  readonly logRetentionDays: number;
  readonly functionMemoryMb: number;
  readonly gatewayMemoryMb: number;
  readonly apiRateLimit: number;
  readonly apiBurstLimit: number;
  readonly allowedOrigins: readonly string[];
  /** `POWERTOOLS_METRICS_NAMESPACE` of the stage. */
  readonly metricsNamespace: string;
  /**
   * The media subgraph (MediaStack). Without it, the gateway answers the supergraph's media
   * fields with `SUBGRAPH_UNAVAILABLE`.
   */
  readonly mediaSubgraph?: lambda.IFunction;
  /** The staff operations subgraph (OperationsStack): dead-letter queues and redrive. */
  readonly operationsSubgraph?: lambda.IFunction;
  /**
   * The stage's SNS mobile push platform application. The users subgraph creates a device's
   * platform endpoint under it at `registerDevice`; without it, `registerDevice` answers that push
   * is not configured for the stage.
   */
  readonly pushPlatformApplicationArn?: string;
}

/**
 * The GraphQL API of the stage: the HTTP API with its authorizer, the gateway that executes
 * federated operations, and the subgraph functions it invokes directly (users and todo here,
 * media from the media stack). The subgraphs have no route and no function URL: only the
 * gateway's role may invoke them.
 */
export class ApiStack extends Stack {
  readonly http: GraphqlHttpApi;
  readonly authorizer: StratumFunction;
  readonly gateway: StratumFunction;
  readonly users: StratumFunction;
  readonly todo: StratumFunction;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const common = {
      metricsNamespace: props.metricsNamespace,
      logRetentionDays: props.logRetentionDays,
      alarmTopic: props.alarmTopic,
    };

    this.authorizer = new StratumFunction(this, 'Authorizer', {
      ...common,
      entry: serviceEntry('authorizer'),
      description: 'HTTP API authorizer: verifies Cognito tokens of the customer and staff pools',
      serviceName: 'authorizer',
      memorySizeMb: props.functionMemoryMb,
      timeout: Duration.seconds(5),
      synchronousCaller: 'API Gateway (Lambda authorizer)',
      environment: {
        ...poolEnvironment('CUSTOMER_POOL', props.customerPool),
        ...poolEnvironment('STAFF_POOL', props.staffPool),
      },
    });

    const subgraph = (id: string, service: string, description: string) => {
      const fn = new StratumFunction(this, id, {
        ...common,
        entry: serviceEntry(service),
        description,
        serviceName: service,
        memorySizeMb: props.functionMemoryMb,
        timeout: Duration.seconds(10),
        synchronousCaller: 'the GraphQL gateway (Invoke, RequestResponse)',
        environment: { TABLE_NAME: props.table.table.tableName },
      });
      props.table.grantReadWriteItems(fn.function);
      return fn;
    };
    this.users = subgraph(
      'UsersSubgraph',
      'users',
      'Users subgraph: me, profile, tenant, members, invitations',
    );
    if (props.pushPlatformApplicationArn) this.allowDeviceRegistration(props.pushPlatformApplicationArn);
    this.todo = subgraph('TodoSubgraph', 'todo', 'Todo subgraph: todos with cursor pagination and filters');

    this.gateway = new StratumFunction(this, 'Gateway', {
      ...common,
      entry: serviceEntry('gateway'),
      description: 'GraphQL gateway: executes federated operations over the subgraph functions',
      serviceName: 'gateway',
      memorySizeMb: props.gatewayMemoryMb,
      // API Gateway gives up on an integration after 30 s; answer before it does.
      timeout: Duration.seconds(28),
      synchronousCaller: 'API Gateway (HTTP API Lambda integration)',
      environment: {
        SUBGRAPH_USERS_FUNCTION: this.users.function.functionName,
        SUBGRAPH_TODO_FUNCTION: this.todo.function.functionName,
        ...(props.mediaSubgraph ? { SUBGRAPH_MEDIA_FUNCTION: props.mediaSubgraph.functionName } : {}),
        ...(props.operationsSubgraph
          ? { SUBGRAPH_OPERATIONS_FUNCTION: props.operationsSubgraph.functionName }
          : {}),
        MASK_ERRORS: String(props.maskErrors),
        GRAPHIQL: String(!props.maskErrors),
      },
    });
    // Exactly the subgraph functions: `grantInvoke` would also allow `<arn>:*` (every version and alias).
    const subgraphs = [
      this.users.function,
      this.todo.function,
      ...(props.mediaSubgraph ? [props.mediaSubgraph] : []),
      ...(props.operationsSubgraph ? [props.operationsSubgraph] : []),
    ];
    this.gateway.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: subgraphs.map((fn) => fn.functionArn),
      }),
    );

    const accessLogs = new ApiAccessLogs(this, 'AccessLogs', { retentionDays: props.logRetentionDays });
    this.http = new GraphqlHttpApi(this, 'Http', {
      authorizer: this.authorizer.function,
      gateway: this.gateway.function,
      graphiql: !props.maskErrors,
      rateLimit: props.apiRateLimit,
      burstLimit: props.apiBurstLimit,
      accessLogs: accessLogs.logGroup,
      allowedOrigins: props.allowedOrigins,
      alarmTopic: props.alarmTopic,
    });

    new CfnOutput(this, 'ApiUrl', {
      value: `${this.http.api.apiEndpoint}/graphql`,
      description: 'The GraphQL endpoint (POST), straight to API Gateway',
    });
  }

  /**
   * `registerDevice` creates the device's SNS platform endpoint under the stage's push
   * application, and re-enables, re-points or deletes it when the device's token changes.
   */
  private allowDeviceRegistration(platformApplicationArn: string): void {
    const fn = this.users.function;
    fn.addEnvironment('PLATFORM_APPLICATION_ARN', platformApplicationArn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sns:CreatePlatformEndpoint'],
        resources: [platformApplicationArn],
      }),
    );
    const endpoints = endpointsOf(platformApplicationArn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sns:GetEndpointAttributes', 'sns:SetEndpointAttributes', 'sns:DeleteEndpoint'],
        resources: [endpoints],
      }),
    );
    Validations.of(fn.role ?? fn).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::${endpoints}]`,
      reason:
        "Device endpoints are created at run time, one per registered device, under the stage's platform application: the wildcard covers that application's endpoints and nothing else.",
    });
  }
}

/** `<PREFIX>_ISSUER`, `_CLIENT_IDS` and `_JWKS_URI` as template references, never literal ids. */
function poolEnvironment(prefix: string, trusted: TrustedPool): Record<string, string> {
  const issuer = trusted.pool.userPoolProviderUrl;
  return {
    [`${prefix}_ISSUER`]: issuer,
    [`${prefix}_CLIENT_IDS`]: trusted.clients.map((client) => client.userPoolClientId).join(','),
    [`${prefix}_JWKS_URI`]: `${issuer}/.well-known/jwks.json`,
  };
}
