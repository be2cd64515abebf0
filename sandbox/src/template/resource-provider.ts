import type { AssetIndex } from './asset-index.ts';
import type { StackEnvironment } from './pseudo-parameters.ts';
import type { CfnResource } from './template-types.ts';

/** What a provider learns about the resource it creates, besides its resolved properties. */
export interface ProvisionContext {
  readonly type: string;
  /** The stack's name, account and region, and its CloudFormation-shaped stack id. */
  readonly stack: StackEnvironment & { readonly stackId: string };
  /** The resource as the template declares it (unresolved): Metadata, DependsOn, policies. */
  readonly definition: CfnResource;
  /** Resolves `S3Bucket`/`S3Key` pairs of CDK assets (e.g. a Lambda's `Code`) to local files. */
  readonly assets: AssetIndex;
}

/** What a created resource answers to `Ref` and `Fn::GetAtt`. */
export interface ProvisionedResource {
  readonly physicalId: string;
  /** Attribute name → value; `Fn::GetAtt` of any other name is an error. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/**
 * Creates one resource type in a local engine. Emulators register one per type they own.
 *
 * @example
 * ```ts
 * const queues: ResourceProvider = {
 *   async create(logicalId, properties, context) {
 *     const url = await sqs.createQueue(String(properties.QueueName ?? logicalId));
 *     return { physicalId: url, attributes: { Arn: arnOf(url), QueueName: nameOf(url), QueueUrl: url } };
 *   },
 * };
 * ```
 */
export interface ResourceProvider {
  create(
    logicalId: string,
    properties: Readonly<Record<string, unknown>>,
    context: ProvisionContext,
  ): ProvisionedResource | Promise<ProvisionedResource>;
}

/** Resource type (`AWS::SQS::Queue`) → its provider. */
export type ProviderRegistry = Readonly<Record<string, ResourceProvider>>;
