import type {
  ApiDefinition,
  AuthorizerDefinition,
  IntegrationDefinition,
  RouteDefinition,
  StageDefinition,
} from './api-definition.ts';
import { pathSegments } from './api-request.ts';
import { ApiDefinitionError, UnknownApiResourceError } from './errors.ts';
import type { RouteKey } from './route-key.ts';
import { type RouteMatch, selectRoute } from './route-table.ts';

export interface ApiRoute extends RouteDefinition {
  readonly id: string;
}

export interface StageMatch {
  readonly stage: StageDefinition;
  /** The path inside the stage: without `/<stageName>` for a named stage. */
  readonly path: string;
}

/**
 * One HTTP API as its CloudFormation resources describe it: the API, then its routes,
 * integrations, authorizers and stages, added in any order as the template engine creates them.
 * Requests are served from the current state, so a route added later is live at once
 * (API Gateway's `AutoDeploy`).
 *
 * @example
 * ```ts
 * const api = new HttpApi('a1b2c3d4e5', parseApi(apiProperties, 'HttpApi'));
 * api.addIntegration('int1234', parseIntegration(integrationProperties, 'Integration'));
 * api.addRoute('rte1234', parseRoute({ ApiId: 'a1b2c3d4e5', RouteKey: 'POST /graphql', Target: 'integrations/int1234' }, 'Route'));
 * api.addStage(parseStage({ ApiId: 'a1b2c3d4e5', StageName: '$default' }, 'Stage'));
 * ```
 */
export class HttpApi {
  private readonly routes = new Map<string, ApiRoute>();
  private readonly integrations = new Map<string, IntegrationDefinition>();
  private readonly authorizers = new Map<string, AuthorizerDefinition>();
  private readonly stages = new Map<string, StageDefinition>();

  constructor(
    readonly id: string,
    readonly definition: ApiDefinition,
  ) {}

  addRoute(id: string, route: RouteDefinition): void {
    const clash = [...this.routes.values()].find((existing) => existing.routeKey.key === route.routeKey.key);
    if (clash) {
      throw new ApiDefinitionError(`route ${id}`, [
        `RouteKey "${route.routeKey.key}" is already used by route ${clash.id} of API ${this.id}`,
      ]);
    }
    if (route.authorizerId && !this.authorizers.has(route.authorizerId)) {
      throw new UnknownApiResourceError('authorizer', route.authorizerId, [...this.authorizers.keys()]);
    }
    if (route.integrationId && !this.integrations.has(route.integrationId)) {
      throw new UnknownApiResourceError('integration', route.integrationId, [...this.integrations.keys()]);
    }
    this.routes.set(id, { ...route, id });
  }

  addIntegration(id: string, integration: IntegrationDefinition): void {
    this.integrations.set(id, integration);
  }

  addAuthorizer(id: string, authorizer: AuthorizerDefinition): void {
    this.authorizers.set(id, authorizer);
  }

  addStage(stage: StageDefinition): void {
    this.stages.set(stage.stageName, stage);
  }

  integration(id: string): IntegrationDefinition | undefined {
    return this.integrations.get(id);
  }

  authorizer(id: string): AuthorizerDefinition | undefined {
    return this.authorizers.get(id);
  }

  routeKeys(): RouteKey[] {
    return [...this.routes.values()].map((route) => route.routeKey);
  }

  /** The stage a request path belongs to: a named stage by its prefix, else `$default`. */
  stageFor(rawPath: string): StageMatch | undefined {
    const first = rawPath.split('/')[1] ?? '';
    const named = first !== '$default' ? this.stages.get(first) : undefined;
    if (named) {
      const path = rawPath.slice(first.length + 1);
      return { stage: named, path: path === '' ? '/' : path };
    }
    const stage = this.stages.get('$default');
    return stage ? { stage, path: rawPath } : undefined;
  }

  /** The route API Gateway selects for a method and a path inside a stage. */
  selectRoute(method: string, path: string): RouteMatch<ApiRoute> | undefined {
    return selectRoute(this.routes.values(), method, pathSegments(path));
  }
}
