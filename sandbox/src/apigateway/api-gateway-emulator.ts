import type { ProviderRegistry, ProvisionContext } from '../template/resource-provider.ts';
import type { AccessLogSink } from './access-log.ts';
import { parseApi, parseAuthorizer, parseIntegration, parseRoute, parseStage } from './api-definition.ts';
import { UnknownApiResourceError } from './errors.ts';
import type { FunctionInvoker } from './function-invoker.ts';
import { HttpApi } from './http-api.ts';
import { HttpApiServer } from './http-api-server.ts';
import { stableResourceId } from './resource-ids.ts';

export interface ApiGatewayEmulatorOptions {
  readonly invoker: FunctionInvoker;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Fixed ports by the API's logical id (`HttpApi4E1D4184`) or `Name`; others get a free port. */
  readonly ports?: Readonly<Record<string, number>>;
  /** @default false (see `HttpApiHandlerOptions.throttling`) */
  readonly throttling?: boolean;
  readonly accessLog?: AccessLogSink;
  readonly now?: () => number;
}

/** A deployed API, for `npm start` to print and the console to list. */
export interface DeployedHttpApi {
  readonly logicalId: string;
  readonly api: HttpApi;
  readonly url: string;
}

/**
 * API Gateway HTTP APIs for the template engine: `providers` creates the five
 * `AWS::ApiGatewayV2::*` types from their resolved properties, each `Api` served by its own
 * `HttpApiServer`. Ids are stable across restarts (derived from the stack id and the logical
 * id); `ApiEndpoint` is the local URL, so outputs and CloudFront origins built from it point
 * at the emulator.
 *
 * @example
 * ```ts
 * const apigateway = new ApiGatewayEmulator({ invoker: lambdaRunner });
 * await deployAssembly(assembly, { providers: { ...apigateway.providers, ...otherProviders } });
 * console.log(apigateway.deployed().map((api) => `${api.api.definition.name}: ${api.url}`));
 * await apigateway.close();
 * ```
 */
export class ApiGatewayEmulator {
  private readonly apis = new Map<string, { logicalId: string; api: HttpApi; server: HttpApiServer }>();

  readonly providers: ProviderRegistry = {
    'AWS::ApiGatewayV2::Api': {
      create: async (logicalId, properties, context) => {
        const definition = parseApi(properties, this.where(logicalId, context));
        const apiId = stableResourceId(`${context.stack.stackId}/${logicalId}`, 10);
        const api = new HttpApi(apiId, definition);
        const port = this.options.ports?.[logicalId] ?? this.options.ports?.[definition.name];
        const server = await HttpApiServer.start({
          api,
          invoker: this.options.invoker,
          accountId: context.stack.accountId,
          region: context.stack.region,
          ...(this.options.host !== undefined && { host: this.options.host }),
          ...(port !== undefined && { port }),
          ...(this.options.throttling !== undefined && { throttling: this.options.throttling }),
          ...(this.options.accessLog && { accessLog: this.options.accessLog }),
          ...(this.options.now && { now: this.options.now }),
        });
        this.apis.set(apiId, { logicalId, api, server });
        return { physicalId: apiId, attributes: { ApiId: apiId, ApiEndpoint: server.url } };
      },
    },
    'AWS::ApiGatewayV2::Integration': {
      create: async (logicalId, properties, context) => {
        const integration = parseIntegration(properties, this.where(logicalId, context));
        const id = stableResourceId(`${context.stack.stackId}/${logicalId}`, 7);
        this.api(integration.apiId).addIntegration(id, integration);
        return { physicalId: id, attributes: { IntegrationId: id } };
      },
    },
    'AWS::ApiGatewayV2::Authorizer': {
      create: async (logicalId, properties, context) => {
        const authorizer = parseAuthorizer(properties, this.where(logicalId, context));
        const id = stableResourceId(`${context.stack.stackId}/${logicalId}`, 6);
        this.api(authorizer.apiId).addAuthorizer(id, authorizer);
        return { physicalId: id, attributes: { AuthorizerId: id } };
      },
    },
    'AWS::ApiGatewayV2::Route': {
      create: async (logicalId, properties, context) => {
        const route = parseRoute(properties, this.where(logicalId, context));
        const id = stableResourceId(`${context.stack.stackId}/${logicalId}`, 7);
        this.api(route.apiId).addRoute(id, route);
        return { physicalId: id, attributes: { RouteId: id } };
      },
    },
    'AWS::ApiGatewayV2::Stage': {
      create: async (logicalId, properties, context) => {
        const stage = parseStage(properties, this.where(logicalId, context));
        this.api(stage.apiId).addStage(stage);
        return { physicalId: stage.stageName };
      },
    },
  };

  constructor(private readonly options: ApiGatewayEmulatorOptions) {}

  deployed(): DeployedHttpApi[] {
    return [...this.apis.values()].map(({ logicalId, api, server }) => ({ logicalId, api, url: server.url }));
  }

  async close(): Promise<void> {
    const servers = [...this.apis.values()].map(({ server }) => server);
    this.apis.clear();
    await Promise.all(servers.map((server) => server.close()));
  }

  private api(apiId: string): HttpApi {
    const entry = this.apis.get(apiId);
    if (!entry) {
      throw new UnknownApiResourceError('HTTP API', apiId, [...this.apis.keys()]);
    }
    return entry.api;
  }

  private where(logicalId: string, context: ProvisionContext): string {
    return `${context.stack.stackName}/${logicalId} (${context.type})`;
  }
}
