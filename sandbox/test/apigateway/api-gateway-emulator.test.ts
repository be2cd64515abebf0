import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiDefinitionError,
  ApiGatewayEmulator,
  UnknownApiResourceError,
} from '../../src/apigateway/index.ts';
import type { AssetIndex } from '../../src/template/asset-index.ts';
import type { ProvisionContext } from '../../src/template/resource-provider.ts';
import { FakeInvoker } from './fake-invoker.ts';

const ACCOUNT = '000000000000';
const fnArn = (name: string) => `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${name}`;

function contextOf(type: string): ProvisionContext {
  return {
    type,
    stack: {
      stackName: 'stratum-local-api',
      accountId: ACCOUNT,
      region: 'eu-west-1',
      stackId: `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/stratum-local-api/0f9a`,
    },
    definition: { Type: type },
    assets: {} as AssetIndex,
  };
}

/**
 * The API stack's resources as the template engine resolves them from the synthesized `local`
 * stage (`cdk.out/assembly-local/localApi*.template.json`), in the engine's dependency order.
 */
async function deployApiStack(emulator: ApiGatewayEmulator) {
  const create = (type: string, logicalId: string, properties: Record<string, unknown>) => {
    const provider = emulator.providers[type];
    if (!provider) {
      throw new Error(`no provider for ${type}`);
    }
    return provider.create(logicalId, properties, contextOf(type));
  };
  const api = await create('AWS::ApiGatewayV2::Api', 'HttpApi4E1D4184', {
    CorsConfiguration: {
      AllowHeaders: ['authorization', 'content-type', 'x-correlation-id'],
      AllowMethods: ['POST', 'GET', 'OPTIONS'],
      AllowOrigins: ['https://local.stratum.example.com', 'http://localhost:5173'],
      ExposeHeaders: ['x-correlation-id'],
      MaxAge: 3600,
    },
    Description: 'Stratum GraphQL API',
    Name: 'Api',
    ProtocolType: 'HTTP',
    Tags: { stage: 'local' },
  });
  const apiId = api.physicalId;
  const authorizer = await create('AWS::ApiGatewayV2::Authorizer', 'HttpApiBearerTokenBC1BDE76', {
    ApiId: apiId,
    AuthorizerPayloadFormatVersion: '2.0',
    AuthorizerResultTtlInSeconds: 300,
    AuthorizerType: 'REQUEST',
    AuthorizerUri: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${fnArn('stratum-local-authorizer')}/invocations`,
    EnableSimpleResponses: true,
    IdentitySource: ['$request.header.Authorization'],
    Name: 'bearer-token',
  });
  const integration = await create('AWS::ApiGatewayV2::Integration', 'HttpApiPOSTgraphqlGateway6B267ED1', {
    ApiId: apiId,
    IntegrationType: 'AWS_PROXY',
    IntegrationUri: fnArn('stratum-local-gateway'),
    PayloadFormatVersion: '2.0',
  });
  await create('AWS::ApiGatewayV2::Route', 'HttpApiPOSTgraphql9710A400', {
    ApiId: apiId,
    AuthorizationType: 'CUSTOM',
    AuthorizerId: authorizer.physicalId,
    RouteKey: 'POST /graphql',
    Target: `integrations/${integration.physicalId}`,
  });
  await create('AWS::ApiGatewayV2::Route', 'HttpApiGETgraphqlBA5E5E5C', {
    ApiId: apiId,
    AuthorizationType: 'NONE',
    RouteKey: 'GET /graphql',
    Target: `integrations/${integration.physicalId}`,
  });
  const stage = await create('AWS::ApiGatewayV2::Stage', 'HttpApiDefaultStage1235CC70', {
    AccessLogSettings: {
      DestinationArn: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:api-access:*`,
      Format:
        '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","routeKey":"$context.routeKey","status":"$context.status","latency":"$context.responseLatency","authorizerError":"$context.authorizer.error"}',
    },
    ApiId: apiId,
    AutoDeploy: true,
    DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    StageName: '$default',
  });
  return { api, authorizer, integration, stage };
}

describe('ApiGatewayEmulator (the providers of the template engine)', () => {
  const invoker = new FakeInvoker({
    'stratum-local-authorizer': () => ({ payload: { isAuthorized: true, context: { userId: 'u1' } } }),
    'stratum-local-gateway': (event) => ({
      payload: {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event.routeKey),
      },
    }),
  });
  const logs: string[] = [];
  const emulator = new ApiGatewayEmulator({ invoker, accessLog: (line) => logs.push(line) });
  let deployed: Awaited<ReturnType<typeof deployApiStack>>;
  beforeAll(async () => {
    deployed = await deployApiStack(emulator);
  });
  afterAll(() => emulator.close());

  it('answers Ref and Fn::GetAtt like CloudFormation, with ids that survive a restart', async () => {
    expect(deployed.api.physicalId).toMatch(/^[a-z0-9]{10}$/);
    expect(deployed.api.attributes).toEqual({
      ApiId: deployed.api.physicalId,
      ApiEndpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(deployed.integration.physicalId).toMatch(/^[a-z0-9]{7}$/);
    expect(deployed.authorizer.physicalId).toMatch(/^[a-z0-9]{6}$/);
    expect(deployed.stage.physicalId).toBe('$default');

    const again = new ApiGatewayEmulator({ invoker });
    try {
      const redeployed = await deployApiStack(again);
      expect(redeployed.api.physicalId).toBe(deployed.api.physicalId);
      expect(redeployed.authorizer.physicalId).toBe(deployed.authorizer.physicalId);
    } finally {
      await again.close();
    }
  });

  it('serves the deployed API at ApiEndpoint, authorizer and access log included', async () => {
    const [api] = emulator.deployed();
    expect(api?.url).toBe(deployed.api.attributes?.ApiEndpoint);
    const endpoint = String(deployed.api.attributes?.ApiEndpoint);
    const response = await fetch(`${endpoint}/graphql`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer t',
        origin: 'http://localhost:5173',
        'content-type': 'application/json',
      },
      body: '{"query":"{ me { id } }"}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toBe('POST /graphql');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(invoker.callsOf('stratum-local-authorizer')).toHaveLength(1);
    expect((await fetch(`${endpoint}/graphql`, { method: 'POST' })).status).toBe(401);

    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logs.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ routeKey: 'POST /graphql', status: '200', authorizerError: '-' }),
      expect.objectContaining({ routeKey: 'POST /graphql', status: '401' }),
    ]);
  });

  it('refuses what it does not emulate, naming the resource and the property', async () => {
    const context = contextOf('AWS::ApiGatewayV2::Authorizer');
    const authorizers = emulator.providers['AWS::ApiGatewayV2::Authorizer'];
    const jwt = authorizers?.create(
      'Jwt',
      {
        ApiId: deployed.api.physicalId,
        Name: 'jwt',
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
      },
      context,
    );
    await expect(jwt).rejects.toThrow(ApiDefinitionError);
    await expect(jwt).rejects.toThrow(
      /stratum-local-api\/Jwt \(AWS::ApiGatewayV2::Authorizer\): .*AuthorizerType/,
    );

    const integrations = emulator.providers['AWS::ApiGatewayV2::Integration'];
    const v1 = integrations?.create(
      'V1',
      {
        ApiId: deployed.api.physicalId,
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: fnArn('f'),
        PayloadFormatVersion: '1.0',
      },
      contextOf('AWS::ApiGatewayV2::Integration'),
    );
    await expect(v1).rejects.toThrow(/PayloadFormatVersion: only payload format 2.0/);

    const apis = emulator.providers['AWS::ApiGatewayV2::Api'];
    await expect(
      apis?.create('Ws', { Name: 'ws', ProtocolType: 'WEBSOCKET' }, contextOf('AWS::ApiGatewayV2::Api')),
    ).rejects.toThrow(/only HTTP APIs/);
    await expect(
      apis?.create(
        'Imported',
        { Name: 'x', ProtocolType: 'HTTP', Body: {} },
        contextOf('AWS::ApiGatewayV2::Api'),
      ),
    ).rejects.toThrow(/Body: OpenAPI import is not emulated/);
  });

  it('refuses a route of an unknown API or with a taken route key', async () => {
    const routes = emulator.providers['AWS::ApiGatewayV2::Route'];
    await expect(
      routes?.create('Lost', { ApiId: 'nope', RouteKey: 'GET /' }, contextOf('AWS::ApiGatewayV2::Route')),
    ).rejects.toThrow(UnknownApiResourceError);
    await expect(
      routes?.create(
        'Twice',
        { ApiId: deployed.api.physicalId, RouteKey: 'GET /graphql' },
        contextOf('AWS::ApiGatewayV2::Route'),
      ),
    ).rejects.toThrow(/already used by route/);
  });
});
