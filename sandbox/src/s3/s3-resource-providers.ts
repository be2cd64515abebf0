import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { generatedPhysicalName } from '../template/physical-names.ts';
import type { ProviderRegistry, ProvisionContext } from '../template/resource-provider.ts';
import { deployBucketContents } from './bucket-deployment.ts';
import { bucketAttributes, bucketNameProblem } from './bucket-names.ts';
import { deleteKeys, listKeys } from './bucket-objects.ts';
import type { BucketRegistry } from './bucket-registry.ts';
import { parseCorsConfiguration } from './cors-rules.ts';
import { S3DefinitionError, S3UpstreamError } from './errors.ts';
import { type BucketNotifications, fromApi, fromCloudFormation } from './notification-configuration.ts';

export interface S3ResourceProvidersOptions {
  /**
   * The S3 API the providers write through. Point it at the S3 front (the sandbox's AWS endpoint)
   * so that objects a BucketDeployment writes raise notifications, as on AWS.
   */
  readonly client: S3Client;
  readonly buckets: BucketRegistry;
  /** Applies a bucket's notification configuration (the front's `setNotifications`). */
  readonly applyNotifications: (bucket: string, notifications: BucketNotifications) => void;
}

export interface S3ResourceProviders {
  readonly providers: ProviderRegistry;
  /** Empties the buckets a stack marked with `Custom::S3AutoDeleteObjects`, before they are deleted. */
  onStackDelete(stackName: string): Promise<string[]>;
}

function resourceName(logicalId: string, context: ProvisionContext): string {
  return `${context.stack.stackName}/${logicalId} (${context.type})`;
}

function requiredBucketName(
  properties: Readonly<Record<string, unknown>>,
  name: string,
  resource: string,
): string {
  const value = properties[name];
  if (typeof value !== 'string' || value === '')
    throw new S3DefinitionError(resource, [`${name} is required`]);
  return value;
}

/**
 * The template engine's providers for S3: `AWS::S3::Bucket` (created in the engine; CORS,
 * notifications, versioning recorded for the front), `AWS::S3::BucketPolicy` (recorded, not enforced)
 * and CDK's custom resources done natively, without running their Lambda functions:
 * `Custom::S3BucketNotifications`, `Custom::S3AutoDeleteObjects`, `Custom::CDKBucketDeployment`.
 *
 * @example
 * ```ts
 * const s3 = s3ResourceProviders({ client, buckets, applyNotifications: (b, n) => front.setNotifications(b, n) });
 * await deployAssembly(assembly, { providers: { ...s3.providers, ...others } });
 * ```
 */
export function s3ResourceProviders(options: S3ResourceProvidersOptions): S3ResourceProviders {
  const { client, buckets } = options;
  const autoDelete = new Map<string, Set<string>>();

  return {
    providers: {
      'AWS::S3::Bucket': {
        async create(logicalId, properties, context) {
          const resource = resourceName(logicalId, context);
          const name =
            typeof properties.BucketName === 'string'
              ? properties.BucketName
              : // S3 names are lower case; CloudFormation lower-cases its generated bucket names.
                generatedPhysicalName(logicalId, context, 63).toLowerCase();
          const problems = [bucketNameProblem(name)].filter((problem) => problem !== undefined);
          if (problems.length > 0) throw new S3DefinitionError(resource, problems);
          const cors = parseCorsConfiguration(properties.CorsConfiguration, resource);
          const notifications = fromCloudFormation(properties.NotificationConfiguration, resource);
          try {
            await client.send(new CreateBucketCommand({ Bucket: name }));
          } catch (error) {
            const code = (error as { name?: string }).name;
            if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') {
              throw new S3UpstreamError('CreateBucket', `${resource}: ${(error as Error).message}`, {
                cause: error,
              });
            }
          }
          const versioning = (properties.VersioningConfiguration as { Status?: unknown } | undefined)?.Status;
          buckets.configure(name, {
            ...(cors.length > 0 ? { cors } : {}),
            ...(typeof versioning === 'string' ? { versioning } : {}),
          });
          options.applyNotifications(name, notifications);
          return { physicalId: name, attributes: bucketAttributes(name, context.stack.region) };
        },
      },
      'AWS::S3::BucketPolicy': {
        create(logicalId, properties, context) {
          const resource = resourceName(logicalId, context);
          const bucket = requiredBucketName(properties, 'Bucket', resource);
          if (properties.PolicyDocument === undefined)
            throw new S3DefinitionError(resource, ['PolicyDocument is required']);
          buckets.configure(bucket, { policy: properties.PolicyDocument });
          return { physicalId: `${bucket}-policy` };
        },
      },
      'Custom::S3BucketNotifications': {
        create(logicalId, properties, context) {
          const resource = resourceName(logicalId, context);
          const bucket = requiredBucketName(properties, 'BucketName', resource);
          options.applyNotifications(bucket, fromApi(properties.NotificationConfiguration, resource));
          return { physicalId: logicalId };
        },
      },
      'Custom::S3AutoDeleteObjects': {
        create(logicalId, properties, context) {
          const resource = resourceName(logicalId, context);
          const bucket = requiredBucketName(properties, 'BucketName', resource);
          const stackBuckets = autoDelete.get(context.stack.stackName) ?? new Set<string>();
          stackBuckets.add(bucket);
          autoDelete.set(context.stack.stackName, stackBuckets);
          return { physicalId: logicalId };
        },
      },
      'Custom::CDKBucketDeployment': {
        async create(logicalId, properties, context) {
          const resource = resourceName(logicalId, context);
          const result = await deployBucketContents(client, properties, context.assets, resource);
          const outputKeys = String(properties.OutputObjectKeys ?? 'true') === 'true';
          return {
            physicalId: result.physicalId,
            attributes: {
              DestinationBucketArn: properties.DestinationBucketArn,
              SourceObjectKeys: outputKeys ? properties.SourceObjectKeys : [],
              ...(String(properties.OutputObjectVersionIds ?? 'false') === 'true'
                ? { SourceObjectVersionIds: result.uploaded.map(() => '') }
                : {}),
            },
          };
        },
      },
    },
    async onStackDelete(stackName) {
      const emptied: string[] = [];
      for (const bucket of autoDelete.get(stackName) ?? []) {
        await deleteKeys(client, bucket, await listKeys(client, bucket));
        emptied.push(bucket);
      }
      autoDelete.delete(stackName);
      return emptied;
    },
  };
}
