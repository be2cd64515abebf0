import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyResourceProperties, type StageTemplates, stageOf, synthesizeStages } from './stage-fixture.ts';

let dev: StageTemplates;
let prod: StageTemplates;
beforeAll(() => {
  const stages = synthesizeStages(['dev', 'prod']);
  dev = stageOf(stages, 'dev');
  prod = stageOf(stages, 'prod');
});

/** Logical id of the function a `StratumFunction` with this construct id owns. */
const functionId = (template: StageTemplates['api'], id: string): string => {
  const ids = Object.keys(template.findResources('AWS::Lambda::Function')).filter((key) =>
    key.startsWith(`${id}Function`),
  );
  if (ids.length !== 1) throw new Error(`expected one function ${id}, found ${ids.join(', ')}`);
  return ids[0] as string;
};

describe('api stack', () => {
  it('authorizes with the Lambda authorizer: simple responses, Authorization header, 5 min cache', () => {
    dev.api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 300,
    });
    dev.api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /graphql',
      AuthorizationType: 'CUSTOM',
    });
  });

  it('builds the authorizer’s pool settings from template references, not literals', () => {
    const env = onlyResourceProperties<{ Environment: { Variables: Record<string, unknown> } }>(
      dev.api,
      'AWS::Lambda::Function',
      { Properties: { Environment: { Variables: { CUSTOMER_POOL_ISSUER: Match.anyValue() } } } },
    ).Environment.Variables;
    for (const prefix of ['CUSTOMER_POOL', 'STAFF_POOL']) {
      for (const suffix of ['ISSUER', 'CLIENT_IDS', 'JWKS_URI']) {
        expect(JSON.stringify(env[`${prefix}_${suffix}`]), `${prefix}_${suffix}`).toMatch(/Fn::ImportValue/);
      }
    }
    expect(JSON.stringify(env.CUSTOMER_POOL_JWKS_URI)).toContain('/.well-known/jwks.json');
  });

  it('serves GET /graphql (GraphiQL) only where errors are not masked', () => {
    dev.api.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /graphql' });
    dev.api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MASK_ERRORS: 'false', GRAPHIQL: 'true' }) },
    });
    expect(
      Object.keys(
        prod.api.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: 'GET /graphql' } }),
      ),
    ).toHaveLength(0);
    prod.api.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
    prod.api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MASK_ERRORS: 'true', GRAPHIQL: 'false' }) },
      MemorySize: 1769,
    });
  });

  it('keeps the subgraphs private: no function URL, no route, invocable by the gateway only', () => {
    dev.api.resourceCountIs('AWS::Lambda::Url', 0);
    const users = functionId(dev.api, 'UsersSubgraph');
    const todo = functionId(dev.api, 'TodoSubgraph');
    const gateway = functionId(dev.api, 'Gateway');
    // Integrations target the gateway only.
    for (const integration of Object.values(dev.api.findResources('AWS::ApiGatewayV2::Integration'))) {
      expect(JSON.stringify(integration.Properties)).toContain(gateway);
      expect(JSON.stringify(integration.Properties)).not.toMatch(new RegExp(`${users}|${todo}`));
    }
    // The gateway's role may invoke exactly the four subgraph functions (media's and operations' from their stacks).
    const invokes = Object.values(dev.api.findResources('AWS::IAM::Policy'))
      .flatMap(
        (policy) =>
          (policy.Properties as { PolicyDocument: { Statement: object[] } }).PolicyDocument.Statement,
      )
      .filter((statement) => JSON.stringify(statement).includes('lambda:InvokeFunction'));
    expect(invokes).toHaveLength(1);
    const [invoke] = invokes as { Action: string; Resource: object[] }[];
    expect(invoke?.Action).toBe('lambda:InvokeFunction');
    expect(invoke?.Resource).toHaveLength(4);
    expect(invoke?.Resource).toEqual(
      expect.arrayContaining([
        { 'Fn::GetAtt': [users, 'Arn'] },
        { 'Fn::GetAtt': [todo, 'Arn'] },
        { 'Fn::ImportValue': expect.stringMatching(/MediaSubgraphFunction.*Arn/) },
        { 'Fn::ImportValue': expect.stringMatching(/OperationsSubgraphFunction.*Arn/) },
      ]),
    );
    // Nobody else was given a resource-based permission on the subgraphs.
    const permissions = Object.values(dev.api.findResources('AWS::Lambda::Permission')).map((permission) =>
      JSON.stringify(permission.Properties),
    );
    expect(permissions.filter((p) => p.includes(users) || p.includes(todo))).toEqual([]);
  });

  it('passes the subgraph function names to the gateway', () => {
    dev.api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          SUBGRAPH_USERS_FUNCTION: { Ref: functionId(dev.api, 'UsersSubgraph') },
          SUBGRAPH_TODO_FUNCTION: { Ref: functionId(dev.api, 'TodoSubgraph') },
          SUBGRAPH_MEDIA_FUNCTION: { 'Fn::ImportValue': Match.stringLikeRegexp('MediaSubgraphFunction') },
        }),
      },
    });
  });

  it('throttles the stage and writes JSON access logs to a KMS-encrypted log group', () => {
    dev.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
    prod.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 },
    });
    const settings = onlyResourceProperties<{ AccessLogSettings: { Format: string } }>(
      dev.api,
      'AWS::ApiGatewayV2::Stage',
    ).AccessLogSettings;
    expect(Object.keys(JSON.parse(settings.Format))).toEqual(
      expect.arrayContaining(['requestId', 'ip', 'routeKey', 'status', 'latency', 'integrationError']),
    );
    dev.api.hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: Match.anyValue(),
      RetentionInDays: 30,
    });
  });

  it('allows the stage’s web apps through CORS', () => {
    dev.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://dev.stratum.example.com', 'https://internal.dev.stratum.example.com'],
        AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
      }),
    });
  });

  it('alarms on 5xx answers', () => {
    dev.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5xx',
      Namespace: 'AWS/ApiGateway',
      AlarmActions: [Match.anyValue()],
    });
  });
});
