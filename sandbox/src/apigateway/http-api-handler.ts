import type { ThrottleSettings } from './api-definition.ts';
import type { ApiRequest } from './api-request.ts';
import {
  type ApiResponse,
  FORBIDDEN,
  INTERNAL_ERROR,
  NOT_FOUND,
  SERVICE_UNAVAILABLE,
  TOO_LARGE,
  TOO_MANY_REQUESTS,
  UNAUTHORIZED,
} from './api-response.ts';
import { CorsPolicy } from './cors-policy.ts';
import type { FunctionInvoker } from './function-invoker.ts';
import type { HttpApi } from './http-api.ts';
import { identityValues } from './identity-source.ts';
import {
  authorizerEventOf,
  type MatchedRoute,
  proxyEventOf,
  type RequestOrigin,
  requestContextOf,
  routeArnOf,
} from './proxy-event.ts';
import { mapFunctionResult } from './proxy-result.ts';
import { LambdaRequestAuthorizer } from './request-authorizer.ts';
import { invokeWithin } from './timed-invocation.ts';
import { TokenBucket } from './token-bucket.ts';

export interface HttpApiHandlerOptions {
  readonly api: HttpApi;
  readonly invoker: FunctionInvoker;
  readonly accountId: string;
  readonly region: string;
  /**
   * Apply the stage's throttling (`DefaultRouteSettings`, `RouteSettings`): a token bucket per
   * route, 429 when empty.
   * @default false — the limits are sized for AWS's fleet and a production audience; on a laptop
   * they would only turn a burst of e2e tests or a benchmark into 429s.
   */
  readonly throttling?: boolean;
  /** @default Date.now — tests pass a fake clock to move authorizer caches and buckets in time. */
  readonly now?: () => number;
}

/** The request as the server read it: its body, or the fact that it was over the limit. */
export type RequestBody = { readonly kind: 'read'; readonly bytes: Buffer } | { readonly kind: 'too-large' };

/** The answer, and what the access log says about how it came about. */
export interface HandledRequest {
  readonly response: ApiResponse;
  readonly routeKey?: string;
  readonly stage?: string;
  readonly integrationLatency?: number;
  readonly integrationStatus?: number;
  readonly integrationErrorMessage?: string;
  readonly authorizerError?: string;
  readonly errorMessage?: string;
}

/**
 * API Gateway's request pipeline for one HTTP API, without the socket: CORS preflight, stage
 * and route selection, throttling, the Lambda authorizer, the Lambda proxy integration, and
 * CORS headers on the way out (on API Gateway's own error answers too, so that a browser sees
 * a 401 as a 401 rather than as a CORS failure).
 */
export class HttpApiHandler {
  private readonly authorizers = new Map<string, LambdaRequestAuthorizer>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly now: () => number;
  private readonly cors: CorsPolicy | undefined;

  constructor(private readonly options: HttpApiHandlerOptions) {
    this.now = options.now ?? Date.now;
    const cors = options.api.definition.cors;
    this.cors = cors ? new CorsPolicy(cors) : undefined;
  }

  async handle(request: ApiRequest, body: RequestBody, origin: RequestOrigin): Promise<HandledRequest> {
    const cors = this.cors;
    const requestOrigin = request.headers.origin;
    if (cors && requestOrigin && cors.isPreflight(request.method, request.headers)) {
      return { response: cors.preflight(requestOrigin) };
    }
    const handled = await this.route(request, body, origin);
    return cors ? { ...handled, response: cors.apply(handled.response, requestOrigin) } : handled;
  }

  private async route(
    request: ApiRequest,
    body: RequestBody,
    origin: RequestOrigin,
  ): Promise<HandledRequest> {
    const { api } = this.options;
    const stageMatch = api.stageFor(request.rawPath);
    if (!stageMatch) {
      return { response: NOT_FOUND(), errorMessage: 'no stage' };
    }
    const stage = stageMatch.stage.stageName;
    const match = api.selectRoute(request.method, stageMatch.path);
    if (!match) {
      return { response: NOT_FOUND(), stage, errorMessage: 'Not Found' };
    }
    const { route } = match;
    const routeKey = route.routeKey.key;
    const common = { stage, routeKey };
    if (body.kind === 'too-large') {
      return { ...common, response: TOO_LARGE(), errorMessage: 'Request Entity Too Large' };
    }
    const throttle = stageMatch.stage.routeThrottles[routeKey] ?? stageMatch.stage.defaultThrottle;
    if (this.options.throttling && throttle && !this.bucket(`${stage} ${routeKey}`, throttle).tryTake()) {
      return { ...common, response: TOO_MANY_REQUESTS(), errorMessage: 'Too Many Requests' };
    }
    const stageOrigin: RequestOrigin = { ...origin, stage };
    const matched: MatchedRoute = {
      routeKey,
      pathParameters: match.pathParameters,
      stageVariables: stageMatch.stage.stageVariables,
    };

    let authorizerContext: unknown;
    if (route.authorizerId) {
      const authorizer = this.authorizer(route.authorizerId);
      if (!authorizer) {
        return { ...common, response: INTERNAL_ERROR(), authorizerError: 'authorizer not found' };
      }
      const requestContext = requestContextOf(request, stageOrigin, routeKey);
      const identity = identityValues(authorizer.definition.identitySource, {
        request,
        requestContext,
        stageVariables: matched.stageVariables,
      });
      if (!identity) {
        return { ...common, response: UNAUTHORIZED(), errorMessage: 'Unauthorized' };
      }
      const routeArn = routeArnOf(this.options.region, stageOrigin, request.method, stageMatch.path);
      const outcome = await authorizer.authorize(identity, () =>
        authorizerEventOf(request, matched, requestContext, routeArn, identity),
      );
      if (outcome.kind === 'error') {
        return { ...common, response: INTERNAL_ERROR(), authorizerError: outcome.message };
      }
      if (outcome.kind === 'deny') {
        return { ...common, response: FORBIDDEN(), errorMessage: 'Forbidden' };
      }
      authorizerContext = outcome.context;
    }

    const integration = route.integrationId ? api.integration(route.integrationId) : undefined;
    if (!integration) {
      return { ...common, response: NOT_FOUND(), errorMessage: 'route has no integration' };
    }
    const event = proxyEventOf(
      request,
      matched,
      requestContextOf(request, stageOrigin, routeKey, authorizerContext),
      body.bytes,
    );
    const started = performance.now();
    const outcome = await invokeWithin(
      this.options.invoker,
      integration.functionName,
      event,
      integration.timeoutMillis,
    );
    const integrationLatency = Math.round(performance.now() - started);
    if (outcome.kind === 'timeout') {
      return {
        ...common,
        response: SERVICE_UNAVAILABLE(),
        integrationLatency,
        integrationErrorMessage: `integration timed out after ${integration.timeoutMillis} ms`,
      };
    }
    if (outcome.kind === 'failed') {
      return {
        ...common,
        response: INTERNAL_ERROR(),
        integrationLatency,
        integrationErrorMessage: `Lambda invocation failed: ${outcome.error}`,
      };
    }
    const mapped = mapFunctionResult(outcome.result);
    return {
      ...common,
      response: mapped.response,
      integrationLatency,
      integrationStatus: 200,
      ...(mapped.integrationError && { integrationErrorMessage: mapped.integrationError }),
    };
  }

  private authorizer(id: string): LambdaRequestAuthorizer | undefined {
    const definition = this.options.api.authorizer(id);
    if (!definition) {
      return undefined;
    }
    let authorizer = this.authorizers.get(id);
    if (authorizer?.definition !== definition) {
      authorizer = new LambdaRequestAuthorizer(definition, this.options.invoker, this.now);
      this.authorizers.set(id, authorizer);
    }
    return authorizer;
  }

  private bucket(key: string, settings: ThrottleSettings): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(settings, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
