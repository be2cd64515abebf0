import type { ResolvedBehaviour, ResolvedDistribution } from './cloudfront-resources.ts';
import { fetchFromCustomOrigin } from './custom-origin.ts';
import { cloudFrontError, type EdgeRequest, type EdgeResponse } from './edge-message.ts';
import { EdgeFunctionError } from './errors.ts';
import type { LambdaEdgeConfig } from './lambda-edge.ts';
import { newRequestId } from './resource-ids.ts';
import { applyResponseHeadersPolicy } from './response-headers-policy.ts';
import { fetchFromS3, type S3ObjectSource } from './s3-origin.ts';

export interface DistributionHandlerOptions {
  readonly distributionId: string;
  /** `127.0.0.1:<port>`, the distribution's `DomainName`. */
  readonly domainName: string;
  readonly distribution: ResolvedDistribution;
  readonly s3: S3ObjectSource;
  /** Edge function logs and failures, one line each. */
  readonly log?: (line: string) => void;
}

const FUNCTION_FAILED = () =>
  cloudFrontError(
    503,
    'Service Unavailable',
    'The CloudFront function associated with the CloudFront distribution failed to run.',
  );

/**
 * One request's path through a distribution, in CloudFront's order: pick the behaviour (first
 * matching path pattern, default last) → allowed methods (else 403) → viewer-request function
 * (which may answer at once) → `DefaultRootObject` for `/` → origin-request trigger → the origin
 * (S3 or custom) → origin-response trigger → `CustomErrorResponses` (the page fetched through
 * its own behaviour) → response headers policy → viewer-response function. Nothing is cached:
 * every request reaches the origin.
 */
export class DistributionHandler {
  constructor(private readonly options: DistributionHandlerOptions) {}

  async handle(viewerRequest: EdgeRequest): Promise<EdgeResponse> {
    const requestId = newRequestId();
    const { distribution } = this.options;
    const behaviour = this.behaviourFor(viewerRequest.uri);
    if (!distribution.enabled) {
      return this.finish(
        cloudFrontError(403, 'Forbidden', 'The distribution is disabled.'),
        requestId,
        viewerRequest,
      );
    }
    if (!behaviour.allowedMethods.includes(viewerRequest.method)) {
      const denied = cloudFrontError(
        403,
        'Forbidden',
        'This distribution is not configured to allow the HTTP request method that was used for this request.',
      );
      return this.finish(denied, requestId, viewerRequest);
    }
    const config = {
      distributionDomainName: this.options.domainName,
      distributionId: this.options.distributionId,
      requestId,
    };
    try {
      let request = viewerRequest;
      const viewerStage = await this.viewerRequestStage(behaviour, config, request);
      if (viewerStage.kind === 'response') {
        return this.finish(
          this.withHeadersPolicy(behaviour, request, viewerStage.response),
          requestId,
          request,
        );
      }
      request = viewerStage.request;
      if (request.uri === '/' && distribution.defaultRootObject !== '') {
        request = { ...request, uri: `/${distribution.defaultRootObject}` };
      }
      let response = await this.originStage(behaviour, config, request);
      response = await this.customErrorResponse(response, request);
      response = this.withHeadersPolicy(behaviour, request, response);
      response = await this.viewerResponseStage(behaviour, config, request, response);
      return this.finish(response, requestId, request);
    } catch (error) {
      if (!(error instanceof EdgeFunctionError)) throw error;
      this.options.log?.(`[${this.options.distributionId} ${requestId}] ${error.message}`);
      return this.finish(FUNCTION_FAILED(), requestId, viewerRequest);
    }
  }

  private behaviourFor(uri: string): ResolvedBehaviour {
    const { behaviours } = this.options.distribution;
    const found = behaviours.find((b) => b.pathPattern === undefined || b.pathPattern.matches(uri));
    return found ?? (behaviours.at(-1) as ResolvedBehaviour);
  }

  private async viewerRequestStage(
    behaviour: ResolvedBehaviour,
    config: LambdaEdgeConfig,
    request: EdgeRequest,
  ) {
    if (behaviour.viewerRequestFunction)
      return behaviour.viewerRequestFunction.viewerRequest(config, request);
    const edge = behaviour.lambdaEdge['viewer-request'];
    if (edge) return edge.invoke('viewer-request', config, request);
    return { kind: 'request' as const, request };
  }

  private async originStage(behaviour: ResolvedBehaviour, config: LambdaEdgeConfig, request: EdgeRequest) {
    const originRequest = behaviour.lambdaEdge['origin-request'];
    let forwarded = request;
    if (originRequest) {
      const outcome = await originRequest.invoke(
        'origin-request',
        config,
        request,
        undefined,
        this.originOf(behaviour),
      );
      if (outcome.kind === 'response') return outcome.response;
      forwarded = outcome.request;
    }
    const response = await this.fetch(behaviour, forwarded, config.requestId);
    const originResponse = behaviour.lambdaEdge['origin-response'];
    if (!originResponse) return response;
    const outcome = await originResponse.invoke('origin-response', config, forwarded, response);
    return outcome.kind === 'response' ? outcome.response : response;
  }

  private async viewerResponseStage(
    behaviour: ResolvedBehaviour,
    config: LambdaEdgeConfig,
    request: EdgeRequest,
    response: EdgeResponse,
  ): Promise<EdgeResponse> {
    if (behaviour.viewerResponseFunction) {
      return behaviour.viewerResponseFunction.viewerResponse(config, request, response);
    }
    const edge = behaviour.lambdaEdge['viewer-response'];
    // Lambda@Edge viewer-response triggers do not run on origin errors (status 400 and above).
    if (!edge || response.status >= 400) return response;
    const outcome = await edge.invoke('viewer-response', config, request, response);
    return outcome.kind === 'response' ? outcome.response : response;
  }

  private fetch(
    behaviour: ResolvedBehaviour,
    request: EdgeRequest,
    requestId: string,
  ): Promise<EdgeResponse> {
    const origin = this.options.distribution.origins.get(behaviour.targetOriginId);
    if (!origin) throw new Error(`origin ${behaviour.targetOriginId} vanished`);
    if (origin.kind === 's3') return fetchFromS3(origin, this.options.s3, request);
    const forwardedFor = request.headers['x-forwarded-for']?.[0];
    return fetchFromCustomOrigin(origin, request, {
      forwardHost: behaviour.forwardsHost,
      cloudFrontHeaders: {
        via: `2.0 ${this.options.distributionId.toLowerCase()}.cloudfront.net (CloudFront)`,
        'x-amz-cf-id': requestId,
        'x-forwarded-for': forwardedFor ? `${forwardedFor}, ${request.clientIp}` : request.clientIp,
      },
    });
  }

  /** The origin as origin-request triggers see it (`request.origin`); changes to it are ignored. */
  private originOf(behaviour: ResolvedBehaviour): unknown {
    const origin = this.options.distribution.origins.get(behaviour.targetOriginId);
    if (!origin) return undefined;
    const customHeaders = Object.fromEntries(
      Object.entries(origin.customHeaders).map(([name, value]) => [name, [{ key: name, value }]]),
    );
    if (origin.kind === 's3') {
      return {
        s3: { authMethod: 'none', customHeaders, domainName: origin.domainName, path: origin.originPath },
      };
    }
    return {
      custom: {
        customHeaders,
        domainName: origin.domainName,
        keepaliveTimeout: 5,
        path: origin.originPath,
        port: origin.port,
        protocol: 'http',
        readTimeout: origin.readTimeoutMs / 1000,
        sslProtocols: [],
      },
    };
  }

  /**
   * `CustomErrorResponses`: an error status with a `ResponsePagePath` is replaced by that page
   * (fetched with GET through the behaviour its path matches, without viewer triggers) and
   * `ResponseCode`; if the page itself cannot be fetched, the original error goes out.
   */
  private async customErrorResponse(response: EdgeResponse, request: EdgeRequest): Promise<EdgeResponse> {
    const custom = this.options.distribution.customErrorResponses.find(
      (c) => c.errorCode === response.status,
    );
    if (!custom?.responsePagePath) return response;
    const [pagePath = '/', pageQuery = ''] = custom.responsePagePath.split('?', 2);
    const pageRequest: EdgeRequest = {
      ...request,
      method: 'GET',
      uri: pagePath,
      querystring: pageQuery,
      body: Buffer.alloc(0),
    };
    const page = await this.fetch(this.behaviourFor(pagePath), pageRequest, newRequestId());
    if (page.status >= 400) return response;
    return {
      status: custom.responseCode ?? response.status,
      headers: page.headers,
      body: request.method === 'HEAD' ? Buffer.alloc(0) : page.body,
    };
  }

  private withHeadersPolicy(
    behaviour: ResolvedBehaviour,
    request: EdgeRequest,
    response: EdgeResponse,
  ): EdgeResponse {
    return behaviour.responseHeadersPolicy
      ? applyResponseHeadersPolicy(behaviour.responseHeadersPolicy, request, response)
      : response;
  }

  /** The headers CloudFront adds to every response. */
  private finish(response: EdgeResponse, requestId: string, request: EdgeRequest): EdgeResponse {
    return {
      ...response,
      headers: {
        ...response.headers,
        'x-cache': [response.status >= 400 ? 'Error from cloudfront' : 'Miss from cloudfront'],
        via: [`1.1 ${this.options.distributionId.toLowerCase()}.cloudfront.net (CloudFront)`],
        'x-amz-cf-pop': ['LOCAL1-P1'],
        'x-amz-cf-id': [requestId],
      },
      body: request.method === 'HEAD' ? Buffer.alloc(0) : response.body,
    };
  }
}
