import { z } from 'zod';
import { LOCAL_PARTITION } from '../template/pseudo-parameters.ts';
import type { ProviderRegistry, ProvisionContext } from '../template/resource-provider.ts';
import { parseProperties } from './cfn-properties.ts';
import { CloudFrontFunction } from './cloudfront-function.ts';
import { CloudFrontResources } from './cloudfront-resources.ts';
import { parseDistribution } from './distribution-config.ts';
import { DistributionHandler } from './distribution-handler.ts';
import { DistributionServer } from './distribution-server.ts';
import { CloudFrontDefinitionError } from './errors.ts';
import { type EdgeFunctionInvoker, edgeFunctionName } from './lambda-edge.ts';
import {
  cachePolicyProperties,
  forwardsViewerHost,
  functionProperties,
  originRequestPolicyProperties,
} from './policy-config.ts';
import { stableCloudFrontId, stablePolicyId } from './resource-ids.ts';
import { responseHeadersPolicyConfig } from './response-headers-policy.ts';
import type { S3ObjectSource } from './s3-origin.ts';

export interface CloudFrontEmulatorOptions {
  /** Reads S3 origins; required when a distribution has one. */
  readonly s3?: S3ObjectSource;
  /** Runs Lambda@Edge associations; required when a distribution has one. */
  readonly invoker?: EdgeFunctionInvoker;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Fixed ports by the distribution's logical id; others get a free port. */
  readonly ports?: Readonly<Record<string, number>>;
  /** Edge function logs (`console.log` of CloudFront Functions) and edge function failures. */
  readonly log?: (line: string) => void;
  /** @default 1000 (see `CloudFrontFunctionOptions.timeoutMs`) */
  readonly functionTimeoutMs?: number;
}

/** A deployed distribution, for `npm start` to print and the console to list. */
export interface DeployedDistribution {
  readonly logicalId: string;
  readonly distributionId: string;
  readonly comment: string;
  readonly url: string;
}

const LAST_MODIFIED = '1970-01-01T00:00:00Z';
/** Every published version is number 1: the sandbox keeps no history of a function's code. */
const LOCAL_VERSION = '1';
const lambdaVersionProperties = z.object({ FunctionName: z.string().min(1) }).loose();
const responseHeadersPolicyProperties = z
  .object({ ResponseHeadersPolicyConfig: responseHeadersPolicyConfig })
  .loose();

/**
 * CloudFront for the template engine: `providers` creates distributions (each served by its own
 * `DistributionServer`, `DomainName` = `127.0.0.1:<port>`), CloudFront Functions, response
 * headers, cache and origin request policies, origin access controls and identities, and the
 * Lambda versions Lambda@Edge associations publish. Ids are
 * stable across restarts (derived from the stack id and the logical id).
 *
 * @example
 * ```ts
 * const cloudfront = new CloudFrontEmulator({ s3: { getObject }, invoker: lambdaRunner });
 * await deployAssembly(assembly, { providers: { ...cloudfront.providers, ...otherProviders } });
 * console.log(cloudfront.deployed().map((d) => `${d.comment}: ${d.url}`));
 * await cloudfront.close();
 * ```
 */
export class CloudFrontEmulator {
  private readonly resources = new CloudFrontResources();
  private readonly distributions: (DeployedDistribution & { server: DistributionServer })[] = [];

  readonly providers: ProviderRegistry = {
    'AWS::CloudFront::Distribution': {
      create: async (logicalId, properties, context) => {
        const where = this.where(logicalId, context);
        const definition = parseDistribution(properties, where);
        const needs = [...definition.origins.values()].some((o) => o.kind === 's3') && !this.options.s3;
        if (needs)
          throw new CloudFrontDefinitionError(where, ['has an S3 origin but the emulator has no S3 source']);
        const distribution = this.resources.resolve(definition, this.options.invoker);
        const distributionId = stableCloudFrontId(`${context.stack.stackId}/${logicalId}`);
        const port = this.options.ports?.[logicalId];
        const server = await DistributionServer.start({
          ...(this.options.host !== undefined && { host: this.options.host }),
          ...(port !== undefined && { port }),
          ...(this.options.log && { log: this.options.log }),
        });
        const handler = new DistributionHandler({
          distributionId,
          domainName: server.domainName,
          distribution,
          s3: this.options.s3 ?? { getObject: async () => undefined },
          ...(this.options.log && { log: this.options.log }),
        });
        server.serve((request) => handler.handle(request));
        this.distributions.push({
          logicalId,
          distributionId,
          comment: definition.comment,
          url: server.url,
          server,
        });
        return {
          physicalId: distributionId,
          attributes: { Id: distributionId, DomainName: server.domainName },
        };
      },
    },
    'AWS::CloudFront::Function': {
      create: (logicalId, properties, context) => {
        const props = parseProperties(functionProperties, properties, this.where(logicalId, context));
        const arn = `arn:${LOCAL_PARTITION}:cloudfront::${context.stack.accountId}:function/${props.Name}`;
        const log = this.options.log;
        const fn = CloudFrontFunction.compile({
          name: props.Name,
          arn,
          code: props.FunctionCode,
          runtime: props.FunctionConfig.Runtime,
          ...(log && { log: (line: string) => log(`[function ${props.Name}] ${line}`) }),
          ...(this.options.functionTimeoutMs !== undefined && { timeoutMs: this.options.functionTimeoutMs }),
        });
        this.resources.functions.set(arn, fn);
        const stage = String(props.AutoPublish) === 'true' ? 'LIVE' : 'DEVELOPMENT';
        return {
          physicalId: arn,
          attributes: { FunctionARN: arn, 'FunctionMetadata.FunctionARN': arn, Stage: stage },
        };
      },
    },
    'AWS::CloudFront::ResponseHeadersPolicy': {
      create: (logicalId, properties, context) => {
        const props = parseProperties(
          responseHeadersPolicyProperties,
          properties,
          this.where(logicalId, context),
        );
        const id = stablePolicyId(`${context.stack.stackId}/${logicalId}`);
        this.resources.responseHeadersPolicies.set(id, props.ResponseHeadersPolicyConfig);
        return { physicalId: id, attributes: { Id: id, LastModifiedTime: LAST_MODIFIED } };
      },
    },
    'AWS::CloudFront::OriginRequestPolicy': {
      create: (logicalId, properties, context) => {
        const props = parseProperties(
          originRequestPolicyProperties,
          properties,
          this.where(logicalId, context),
        );
        const id = stablePolicyId(`${context.stack.stackId}/${logicalId}`);
        this.resources.originRequestPolicies.set(id, forwardsViewerHost(props));
        return { physicalId: id, attributes: { Id: id, LastModifiedTime: LAST_MODIFIED } };
      },
    },
    'AWS::CloudFront::CachePolicy': {
      create: (logicalId, properties, context) => {
        const props = parseProperties(cachePolicyProperties, properties, this.where(logicalId, context));
        const id = stablePolicyId(`${context.stack.stackId}/${logicalId}`);
        this.resources.cachePolicies.set(id, props.CachePolicyConfig.Name);
        return { physicalId: id, attributes: { Id: id, LastModifiedTime: LAST_MODIFIED } };
      },
    },
    // Lambda@Edge associations name a published version. Locally a version is an alias of the
    // function's current code (see `LambdaEdgeFunction`), so publishing records only its ARN.
    'AWS::Lambda::Version': {
      create: (logicalId, properties, context) => {
        const props = parseProperties(lambdaVersionProperties, properties, this.where(logicalId, context));
        const name = props.FunctionName.includes(':function:')
          ? edgeFunctionName(props.FunctionName)
          : props.FunctionName;
        const { region, accountId } = context.stack;
        const functionArn = `arn:${LOCAL_PARTITION}:lambda:${region}:${accountId}:function:${name}`;
        const versionArn = `${functionArn}:${LOCAL_VERSION}`;
        return { physicalId: versionArn, attributes: { FunctionArn: functionArn, Version: LOCAL_VERSION } };
      },
    },
    'AWS::CloudFront::OriginAccessControl': {
      // Signs origin requests with SigV4 on AWS; locally the S3 source is read directly.
      create: (logicalId, _properties, context) => {
        const id = stableCloudFrontId(`${context.stack.stackId}/${logicalId}`);
        return { physicalId: id, attributes: { Id: id } };
      },
    },
    'AWS::CloudFront::CloudFrontOriginAccessIdentity': {
      create: (logicalId, _properties, context) => {
        const id = stableCloudFrontId(`${context.stack.stackId}/${logicalId}`);
        const canonical = stablePolicyId(`${id}/canonical`).replaceAll('-', '');
        return { physicalId: id, attributes: { Id: id, S3CanonicalUserId: `${canonical}${canonical}` } };
      },
    },
  };

  constructor(private readonly options: CloudFrontEmulatorOptions = {}) {}

  deployed(): DeployedDistribution[] {
    return this.distributions.map(({ server: _server, ...deployed }) => deployed);
  }

  async close(): Promise<void> {
    const servers = this.distributions.map(({ server }) => server);
    this.distributions.length = 0;
    await Promise.all(servers.map((server) => server.close()));
  }

  private where(logicalId: string, context: ProvisionContext): string {
    return `${context.stack.stackName}/${logicalId} (${context.type})`;
  }
}
