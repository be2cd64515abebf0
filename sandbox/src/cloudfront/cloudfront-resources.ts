import type { CloudFrontFunction } from './cloudfront-function.ts';
import type {
  BehaviourDefinition,
  DistributionDefinition,
  LambdaFunctionAssociation,
} from './distribution-config.ts';
import { UnknownCloudFrontResourceError } from './errors.ts';
import { type EdgeFunctionInvoker, LambdaEdgeFunction } from './lambda-edge.ts';
import {
  MANAGED_CACHE_POLICIES,
  MANAGED_ORIGIN_REQUEST_POLICIES,
  MANAGED_RESPONSE_HEADERS_POLICIES,
} from './managed-policies.ts';
import type { ResponseHeadersPolicy } from './response-headers-policy.ts';

/** A behaviour with its policies and functions looked up, ready to serve requests. */
export interface ResolvedBehaviour extends BehaviourDefinition {
  readonly responseHeadersPolicy?: ResponseHeadersPolicy;
  readonly forwardsHost: boolean;
  readonly viewerRequestFunction?: CloudFrontFunction;
  readonly viewerResponseFunction?: CloudFrontFunction;
  readonly lambdaEdge: Partial<Record<LambdaFunctionAssociation['EventType'], LambdaEdgeFunction>>;
}

export interface ResolvedDistribution extends Omit<DistributionDefinition, 'behaviours'> {
  readonly behaviours: readonly ResolvedBehaviour[];
}

/**
 * The policies and functions created so far (and AWS's managed policies), which distributions
 * reference by id or ARN. A reference to anything else stops the deploy, naming what exists.
 */
export class CloudFrontResources {
  readonly responseHeadersPolicies = new Map<string, ResponseHeadersPolicy>();
  /** Origin request policy id → whether it forwards the viewer's `Host`. */
  readonly originRequestPolicies = new Map<string, boolean>();
  readonly cachePolicies = new Map<string, string>();
  /** Function ARN → compiled function. */
  readonly functions = new Map<string, CloudFrontFunction>();

  resolve(
    definition: DistributionDefinition,
    invoker: EdgeFunctionInvoker | undefined,
  ): ResolvedDistribution {
    return { ...definition, behaviours: definition.behaviours.map((b) => this.resolveBehaviour(b, invoker)) };
  }

  private resolveBehaviour(
    behaviour: BehaviourDefinition,
    invoker: EdgeFunctionInvoker | undefined,
  ): ResolvedBehaviour {
    if (behaviour.cachePolicyId !== undefined) this.cachePolicyName(behaviour.cachePolicyId);
    const responseHeadersPolicy =
      behaviour.responseHeadersPolicyId === undefined
        ? undefined
        : this.responseHeadersPolicy(behaviour.responseHeadersPolicyId);
    const lambdaEdge: ResolvedBehaviour['lambdaEdge'] = {};
    for (const association of behaviour.lambdaFunctionAssociations) {
      if (!invoker) {
        throw new UnknownCloudFrontResourceError(
          'Lambda@Edge invoker for',
          association.LambdaFunctionARN,
          [],
        );
      }
      lambdaEdge[association.EventType] = new LambdaEdgeFunction(
        association.LambdaFunctionARN,
        association.IncludeBody,
        invoker,
      );
    }
    const viewerRequest = behaviour.functionAssociations.find((a) => a.EventType === 'viewer-request');
    const viewerResponse = behaviour.functionAssociations.find((a) => a.EventType === 'viewer-response');
    return {
      ...behaviour,
      ...(responseHeadersPolicy && { responseHeadersPolicy }),
      forwardsHost: this.forwardsHost(behaviour),
      ...(viewerRequest && { viewerRequestFunction: this.cloudFrontFunction(viewerRequest.FunctionARN) }),
      ...(viewerResponse && { viewerResponseFunction: this.cloudFrontFunction(viewerResponse.FunctionARN) }),
      lambdaEdge,
    };
  }

  private forwardsHost(behaviour: BehaviourDefinition): boolean {
    if (behaviour.forwardedHeaders) {
      return behaviour.forwardedHeaders.some((h) => h === '*' || h.toLowerCase() === 'host');
    }
    const id = behaviour.originRequestPolicyId;
    if (id === undefined) return false;
    const managed = MANAGED_ORIGIN_REQUEST_POLICIES.get(id);
    if (managed) return managed.forwardsHost;
    const custom = this.originRequestPolicies.get(id);
    if (custom === undefined) {
      throw new UnknownCloudFrontResourceError('origin request policy', id, [
        ...this.originRequestPolicies.keys(),
        ...MANAGED_ORIGIN_REQUEST_POLICIES.keys(),
      ]);
    }
    return custom;
  }

  private cachePolicyName(id: string): string {
    const name = MANAGED_CACHE_POLICIES.get(id) ?? this.cachePolicies.get(id);
    if (name === undefined) {
      throw new UnknownCloudFrontResourceError('cache policy', id, [
        ...this.cachePolicies.keys(),
        ...MANAGED_CACHE_POLICIES.keys(),
      ]);
    }
    return name;
  }

  private responseHeadersPolicy(id: string): ResponseHeadersPolicy {
    const policy = this.responseHeadersPolicies.get(id) ?? MANAGED_RESPONSE_HEADERS_POLICIES.get(id);
    if (!policy) {
      throw new UnknownCloudFrontResourceError('response headers policy', id, [
        ...this.responseHeadersPolicies.keys(),
        ...MANAGED_RESPONSE_HEADERS_POLICIES.keys(),
      ]);
    }
    return policy;
  }

  private cloudFrontFunction(arn: string): CloudFrontFunction {
    const fn = this.functions.get(arn);
    if (!fn) throw new UnknownCloudFrontResourceError('CloudFront function', arn, [...this.functions.keys()]);
    return fn;
  }
}
