import { CORRELATION_HEADER } from '@stratum/runtime';
import { Duration, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as authorizers from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ACCESS_LOG_FORMAT } from './api-access-logs.ts';

export interface GraphqlHttpApiProps {
  /** Verifies the bearer token of every request (Lambda REQUEST authorizer, simple responses). */
  readonly authorizer: lambda.IFunction;
  /** Executes GraphQL operations. */
  readonly gateway: lambda.IFunction;
  /** Serve `GET /graphql` (GraphiQL) without a token. Off wherever errors are masked. */
  readonly graphiql: boolean;
  /** Steady-state requests per second of the stage before API Gateway answers 429. */
  readonly rateLimit: number;
  readonly burstLimit: number;
  readonly accessLogs: logs.ILogGroup;
  /** Origins of the web apps allowed by CORS, e.g. `https://app.example.com`. */
  readonly allowedOrigins: readonly string[];
  readonly alarmTopic: sns.ITopic;
  /** @default 5 minutes */
  readonly authorizerCacheTtl?: Duration;
}

/**
 * The public HTTP API: `POST /graphql` behind the Lambda authorizer, throttled, with JSON
 * access logs and an alarm on 5xx answers. The authorizer's verdict is cached per
 * `Authorization` header, so a token is verified once per cache period, not per request.
 */
export class GraphqlHttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly serverErrors: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: GraphqlHttpApiProps) {
    super(scope, id);
    if (props.burstLimit < props.rateLimit) {
      throw new Error(
        `apiBurstLimit (${props.burstLimit}) must be at least apiRateLimit (${props.rateLimit})`,
      );
    }
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Stratum GraphQL API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: [
          apigwv2.CorsHttpMethod.POST,
          apigwv2.CorsHttpMethod.GET,
          apigwv2.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type', CORRELATION_HEADER],
        exposeHeaders: [CORRELATION_HEADER],
        maxAge: Duration.hours(1),
      },
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(props.accessLogs),
        format: apigw.AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });

    const authorizer = new authorizers.HttpLambdaAuthorizer('BearerToken', props.authorizer, {
      authorizerName: 'bearer-token',
      responseTypes: [authorizers.HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: props.authorizerCacheTtl ?? Duration.minutes(5),
    });
    const integration = new integrations.HttpLambdaIntegration('Gateway', props.gateway);
    this.api.addRoutes({ path: '/graphql', methods: [apigwv2.HttpMethod.POST], integration, authorizer });
    if (props.graphiql) {
      const [route] = this.api.addRoutes({
        path: '/graphql',
        methods: [apigwv2.HttpMethod.GET],
        integration,
      });
      if (route) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason:
            'GET /graphql serves the GraphiQL page, which a browser loads without a token; it exists only in stages that do not mask errors (never staging or production). Operations sent from it are POSTs with a token, and the gateway refuses any operation that did not pass the authorizer.',
        });
      }
    }

    this.serverErrors = new cloudwatch.Alarm(this, 'ServerErrors', {
      metric: this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: 'The HTTP API answered with 5xx: the gateway or the authorizer failed',
    });
    const action = new actions.SnsAction(props.alarmTopic);
    this.serverErrors.addAlarmAction(action);
    this.serverErrors.addOkAction(action);
  }
}
