import {
  HttpApi,
  HttpApiServer,
  type HttpApiServerOptions,
  parseApi,
  parseAuthorizer,
  parseIntegration,
  parseRoute,
  parseStage,
} from '../../src/apigateway/index.ts';
import type { FakeInvoker } from './fake-invoker.ts';

export const API_ID = 'a1b2c3d4e5';
const FUNCTION_ARN = (name: string) => `arn:aws:lambda:eu-west-1:000000000000:function:${name}`;

export interface TestRoute {
  readonly key: string;
  /** The function behind the route's integration; none leaves the route without a target. */
  readonly fn?: string;
  readonly authorized?: boolean;
}

export interface TestApiOptions {
  readonly routes: readonly TestRoute[];
  readonly cors?: Record<string, unknown>;
  readonly authorizer?: { readonly fn: string; readonly ttl?: number; readonly identitySource?: string[] };
  readonly stage?: Record<string, unknown>;
  readonly timeoutMillis?: number;
}

/** An HTTP API built from CloudFormation-shaped properties, as the providers would build it. */
export function buildApi(options: TestApiOptions): HttpApi {
  const api = new HttpApi(
    API_ID,
    parseApi(
      { Name: 'Api', ProtocolType: 'HTTP', ...(options.cors && { CorsConfiguration: options.cors }) },
      'Api',
    ),
  );
  if (options.authorizer) {
    api.addAuthorizer(
      'auth01',
      parseAuthorizer(
        {
          ApiId: API_ID,
          Name: 'bearer-token',
          AuthorizerType: 'REQUEST',
          AuthorizerPayloadFormatVersion: '2.0',
          EnableSimpleResponses: true,
          IdentitySource: options.authorizer.identitySource ?? ['$request.header.Authorization'],
          AuthorizerResultTtlInSeconds: options.authorizer.ttl ?? 300,
          AuthorizerUri: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${FUNCTION_ARN(options.authorizer.fn)}/invocations`,
        },
        'Authorizer',
      ),
    );
  }
  for (const [index, route] of options.routes.entries()) {
    if (route.fn) {
      api.addIntegration(
        `int${index}`,
        parseIntegration(
          {
            ApiId: API_ID,
            IntegrationType: 'AWS_PROXY',
            IntegrationUri: FUNCTION_ARN(route.fn),
            PayloadFormatVersion: '2.0',
            ...(options.timeoutMillis && { TimeoutInMillis: options.timeoutMillis }),
          },
          'Integration',
        ),
      );
    }
    api.addRoute(
      `rte${index}`,
      parseRoute(
        {
          ApiId: API_ID,
          RouteKey: route.key,
          AuthorizationType: route.authorized ? 'CUSTOM' : 'NONE',
          ...(route.authorized && { AuthorizerId: 'auth01' }),
          ...(route.fn && { Target: `integrations/int${index}` }),
        },
        'Route',
      ),
    );
  }
  api.addStage(parseStage({ ApiId: API_ID, StageName: '$default', ...options.stage }, 'Stage'));
  return api;
}

export async function startApi(
  options: TestApiOptions,
  invoker: FakeInvoker,
  serverOptions: Partial<HttpApiServerOptions> = {},
): Promise<HttpApiServer> {
  return HttpApiServer.start({
    api: buildApi(options),
    invoker,
    accountId: '000000000000',
    region: 'eu-west-1',
    ...serverOptions,
  });
}
