import { z } from 'zod';
import { cfnBoolean, cfnInteger, itemsOf, parseProperties } from './cfn-properties.ts';
import { CloudFrontDefinitionError } from './errors.ts';
import { PathPattern } from './path-pattern.ts';

const METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'] as const;
const VIEWER_PROTOCOL_POLICIES = ['allow-all', 'https-only', 'redirect-to-https'] as const;

const functionAssociation = z.object({
  EventType: z.enum(['viewer-request', 'viewer-response']),
  FunctionARN: z.string().min(1),
});

const lambdaAssociation = z.object({
  EventType: z.enum(['viewer-request', 'origin-request', 'origin-response', 'viewer-response']),
  LambdaFunctionARN: z.string().min(1),
  IncludeBody: cfnBoolean.default(false),
});

const behaviourFields = {
  TargetOriginId: z.string().min(1),
  ViewerProtocolPolicy: z.enum(VIEWER_PROTOCOL_POLICIES),
  AllowedMethods: z.array(z.enum(METHODS)).default(['GET', 'HEAD']),
  CachePolicyId: z.string().optional(),
  OriginRequestPolicyId: z.string().optional(),
  ResponseHeadersPolicyId: z.string().optional(),
  ForwardedValues: z
    .object({ Headers: z.array(z.string()).optional() })
    .loose()
    .optional(),
  FunctionAssociations: z.array(functionAssociation).default([]),
  LambdaFunctionAssociations: z.array(lambdaAssociation).default([]),
  TrustedKeyGroups: z.array(z.string()).default([]),
  TrustedSigners: z.array(z.string()).default([]),
};

const origin = z.object({
  Id: z.string().min(1),
  DomainName: z.string().min(1),
  OriginPath: z.string().default(''),
  OriginCustomHeaders: z.array(z.object({ HeaderName: z.string(), HeaderValue: z.string() })).default([]),
  S3OriginConfig: z.object({ OriginAccessIdentity: z.string().optional() }).loose().optional(),
  CustomOriginConfig: z
    .object({
      HTTPPort: cfnInteger.default(80),
      OriginReadTimeout: cfnInteger.default(30),
    })
    .loose()
    .optional(),
  OriginAccessControlId: z.string().optional(),
  VpcOriginConfig: z.unknown().optional(),
});

const customErrorResponse = z.object({
  ErrorCode: cfnInteger,
  ResponsePagePath: z.string().optional(),
  ResponseCode: cfnInteger.optional(),
  ErrorCachingMinTTL: z.unknown().optional(),
});

const distributionConfig = z
  .object({
    Enabled: cfnBoolean,
    Origins: z.array(origin).min(1),
    DefaultCacheBehavior: z.object(behaviourFields).loose(),
    CacheBehaviors: z
      .array(z.object({ PathPattern: z.string().min(1), ...behaviourFields }).loose())
      .default([]),
    DefaultRootObject: z.string().default(''),
    CustomErrorResponses: z.array(customErrorResponse).default([]),
    OriginGroups: itemsOf(z.unknown()).optional(),
    Comment: z.string().default(''),
  })
  .loose();

const distributionProperties = z.object({ DistributionConfig: distributionConfig }).loose();

export type ViewerProtocolPolicy = (typeof VIEWER_PROTOCOL_POLICIES)[number];
export type FunctionAssociation = z.output<typeof functionAssociation>;
export type LambdaFunctionAssociation = z.output<typeof lambdaAssociation>;

export interface S3OriginDefinition {
  readonly kind: 's3';
  readonly id: string;
  readonly domainName: string;
  readonly bucket: string;
  readonly originPath: string;
  readonly customHeaders: Readonly<Record<string, string>>;
}

export interface CustomOriginDefinition {
  readonly kind: 'custom';
  readonly id: string;
  readonly domainName: string;
  /** Host name (or IP) and port: a `host:port` domain name wins over `HTTPPort`. */
  readonly hostname: string;
  readonly port: number;
  readonly originPath: string;
  readonly readTimeoutMs: number;
  readonly customHeaders: Readonly<Record<string, string>>;
}

export type OriginDefinition = S3OriginDefinition | CustomOriginDefinition;

export interface BehaviourDefinition {
  /** `undefined` for the default behaviour. */
  readonly pathPattern?: PathPattern;
  readonly targetOriginId: string;
  readonly viewerProtocolPolicy: ViewerProtocolPolicy;
  readonly allowedMethods: readonly string[];
  readonly cachePolicyId?: string;
  readonly originRequestPolicyId?: string;
  readonly responseHeadersPolicyId?: string;
  /** Legacy `ForwardedValues.Headers`, when the behaviour uses it instead of policies. */
  readonly forwardedHeaders?: readonly string[];
  readonly functionAssociations: readonly FunctionAssociation[];
  readonly lambdaFunctionAssociations: readonly LambdaFunctionAssociation[];
}

export interface CustomErrorResponse {
  readonly errorCode: number;
  readonly responsePagePath?: string;
  readonly responseCode?: number;
}

export interface DistributionDefinition {
  readonly enabled: boolean;
  readonly comment: string;
  readonly origins: ReadonlyMap<string, OriginDefinition>;
  /** `CacheBehaviors` in template order, then the default behaviour (pattern `*`). */
  readonly behaviours: readonly BehaviourDefinition[];
  readonly defaultRootObject: string;
  readonly customErrorResponses: readonly CustomErrorResponse[];
}

/** `<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3.amazonaws.com`, `<bucket>.s3-<region>.amazonaws.com`. */
const S3_DOMAIN = /^(?<bucket>[a-z0-9][a-z0-9.-]*?)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

/**
 * Reads a distribution's resolved `DistributionConfig`, checking what CloudFront checks (every
 * behaviour targets a declared origin, `AllowedMethods` are one of CloudFront's three sets) and
 * refusing, with the property's path, what the emulator does not model (origin groups, signed
 * URLs, VPC origins), all problems in one error.
 */
export function parseDistribution(properties: unknown, resource: string): DistributionDefinition {
  const { DistributionConfig: config } = parseProperties(distributionProperties, properties, resource);
  const problems: string[] = [];
  const origins = new Map<string, OriginDefinition>();
  config.Origins.forEach((raw, index) => {
    const where = `DistributionConfig.Origins.${index}`;
    if (origins.has(raw.Id)) problems.push(`${where}.Id: "${raw.Id}" is declared twice`);
    if (raw.VpcOriginConfig !== undefined)
      problems.push(`${where}.VpcOriginConfig: VPC origins are not emulated`);
    const parsed = parseOrigin(raw, where, problems);
    if (parsed) origins.set(raw.Id, parsed);
  });
  if ((config.OriginGroups?.Items.length ?? 0) > 0) {
    problems.push('DistributionConfig.OriginGroups: origin groups (failover) are not emulated');
  }
  const originIds = new Set(config.Origins.map((raw) => raw.Id));
  const behaviours: BehaviourDefinition[] = [];
  config.CacheBehaviors.forEach((raw, index) => {
    behaviours.push(
      parseBehaviour(raw, `DistributionConfig.CacheBehaviors.${index}`, originIds, problems, raw.PathPattern),
    );
  });
  behaviours.push(
    parseBehaviour(
      config.DefaultCacheBehavior,
      'DistributionConfig.DefaultCacheBehavior',
      originIds,
      problems,
    ),
  );
  config.CustomErrorResponses.forEach((raw, index) => {
    if (raw.ResponseCode !== undefined && raw.ResponsePagePath === undefined) {
      problems.push(
        `DistributionConfig.CustomErrorResponses.${index}: ResponseCode needs a ResponsePagePath`,
      );
    }
    if (raw.ResponsePagePath !== undefined && !raw.ResponsePagePath.startsWith('/')) {
      problems.push(`DistributionConfig.CustomErrorResponses.${index}.ResponsePagePath: must start with /`);
    }
  });
  if (problems.length > 0) throw new CloudFrontDefinitionError(resource, problems);
  return {
    enabled: config.Enabled,
    comment: config.Comment,
    origins,
    behaviours,
    defaultRootObject: config.DefaultRootObject.replace(/^\//, ''),
    customErrorResponses: config.CustomErrorResponses.map((raw) => ({
      errorCode: raw.ErrorCode,
      ...(raw.ResponsePagePath !== undefined && { responsePagePath: raw.ResponsePagePath }),
      ...(raw.ResponseCode !== undefined && { responseCode: raw.ResponseCode }),
    })),
  };
}

function parseOrigin(
  raw: z.output<typeof origin>,
  where: string,
  problems: string[],
): OriginDefinition | undefined {
  const customHeaders = Object.fromEntries(
    raw.OriginCustomHeaders.map((h) => [h.HeaderName.toLowerCase(), h.HeaderValue]),
  );
  const originPath = raw.OriginPath.replace(/\/$/, '');
  if (originPath !== '' && !originPath.startsWith('/')) {
    problems.push(`${where}.OriginPath: must start with / ("${raw.OriginPath}")`);
  }
  if (
    raw.S3OriginConfig !== undefined ||
    (raw.CustomOriginConfig === undefined && raw.OriginAccessControlId)
  ) {
    const bucket = S3_DOMAIN.exec(raw.DomainName)?.groups?.bucket;
    if (!bucket) {
      problems.push(
        `${where}.DomainName: "${raw.DomainName}" is not an S3 bucket domain (<bucket>.s3.<region>.amazonaws.com)`,
      );
      return undefined;
    }
    return { kind: 's3', id: raw.Id, domainName: raw.DomainName, bucket, originPath, customHeaders };
  }
  if (raw.CustomOriginConfig === undefined) {
    problems.push(`${where}: needs S3OriginConfig or CustomOriginConfig`);
    return undefined;
  }
  const hostPort = /^(?<host>\[[^\]]+\]|[^:]+)(?::(?<port>\d+))?$/.exec(raw.DomainName)?.groups;
  if (!hostPort?.host) {
    problems.push(`${where}.DomainName: "${raw.DomainName}" is not a host name or host:port`);
    return undefined;
  }
  return {
    kind: 'custom',
    id: raw.Id,
    domainName: raw.DomainName,
    hostname: hostPort.host.replace(/^\[|\]$/g, ''),
    port: hostPort.port ? Number(hostPort.port) : raw.CustomOriginConfig.HTTPPort,
    originPath,
    readTimeoutMs: raw.CustomOriginConfig.OriginReadTimeout * 1000,
    customHeaders,
  };
}

const METHOD_SETS = ['GET,HEAD', 'GET,HEAD,OPTIONS', 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'];

function parseBehaviour(
  raw: z.output<z.ZodObject<typeof behaviourFields>>,
  where: string,
  originIds: ReadonlySet<string>,
  problems: string[],
  pathPattern?: string,
): BehaviourDefinition {
  if (!originIds.has(raw.TargetOriginId)) {
    problems.push(
      `${where}.TargetOriginId: no origin "${raw.TargetOriginId}" (origins: ${[...originIds].join(', ')})`,
    );
  }
  const methods = [...new Set(raw.AllowedMethods)].sort().join(',');
  if (!METHOD_SETS.includes(methods)) {
    problems.push(
      `${where}.AllowedMethods: CloudFront accepts only ${METHOD_SETS.map((s) => `[${s}]`).join(', ')}`,
    );
  }
  if (raw.TrustedKeyGroups.length > 0 || raw.TrustedSigners.length > 0) {
    problems.push(`${where}: signed URLs and cookies (TrustedKeyGroups/TrustedSigners) are not emulated`);
  }
  const clash = raw.FunctionAssociations.find((f) =>
    raw.LambdaFunctionAssociations.some((l) => l.EventType === f.EventType),
  );
  if (clash) {
    problems.push(
      `${where}: a CloudFront Function and a Lambda@Edge function both handle ${clash.EventType}`,
    );
  }
  return {
    ...(pathPattern !== undefined && { pathPattern: PathPattern.parse(pathPattern) }),
    targetOriginId: raw.TargetOriginId,
    viewerProtocolPolicy: raw.ViewerProtocolPolicy,
    allowedMethods: raw.AllowedMethods,
    ...(raw.CachePolicyId !== undefined && { cachePolicyId: raw.CachePolicyId }),
    ...(raw.OriginRequestPolicyId !== undefined && { originRequestPolicyId: raw.OriginRequestPolicyId }),
    ...(raw.ResponseHeadersPolicyId !== undefined && {
      responseHeadersPolicyId: raw.ResponseHeadersPolicyId,
    }),
    ...(raw.ForwardedValues?.Headers !== undefined && { forwardedHeaders: raw.ForwardedValues.Headers }),
    functionAssociations: raw.FunctionAssociations,
    lambdaFunctionAssociations: raw.LambdaFunctionAssociations,
  };
}
