import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { lookup as mimeTypeOf } from 'mime-types';
import type { AssetIndex } from '../template/asset-index.ts';
import { deleteKeys, listKeys } from './bucket-objects.ts';
import { type MarkersConfig, replaceMarkers, sourceArchive, sourceFiles } from './deployment-sources.ts';
import { S3DefinitionError } from './errors.ts';
import { syncFilter } from './sync-filters.ts';

/** What a deployment wrote and pruned. */
export interface DeploymentResult {
  readonly physicalId: string;
  readonly uploaded: readonly string[];
  readonly pruned: readonly string[];
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    problems.push(`${name} must be a list of strings`);
    return [];
  }
  return value as string[];
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** `--cache-control`, `--content-type`, ... of CDK's `SystemMetadata` onto PutObject. */
function systemMetadata(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const lower = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key.toLowerCase(), String(value)]),
  );
  return {
    ...(lower['cache-control'] === undefined ? {} : { CacheControl: lower['cache-control'] }),
    ...(lower['content-disposition'] === undefined
      ? {}
      : { ContentDisposition: lower['content-disposition'] }),
    ...(lower['content-encoding'] === undefined ? {} : { ContentEncoding: lower['content-encoding'] }),
    ...(lower['content-language'] === undefined ? {} : { ContentLanguage: lower['content-language'] }),
    ...(lower.expires === undefined ? {} : { Expires: new Date(lower.expires) }),
  };
}

/**
 * `Custom::CDKBucketDeployment` done natively: what CDK's handler does with `aws s3 sync`, minus the
 * Lambda. Every source asset (a folder CDK staged, or a zip) is extracted into one tree, later
 * sources winning; `SourceMarkers` are substituted (`Source.data`/`Source.jsonData` tokens); the
 * tree goes to `DestinationBucketName` under `DestinationBucketKeyPrefix` with `Exclude`/`Include`,
 * content types guessed from the extension, `SystemMetadata`/`UserMetadata`; with `Prune` (the
 * default) other objects under the prefix that the filters do not exclude are deleted.
 * Not emulated: `DistributionId` invalidation (the sandbox CloudFront does not cache).
 */
export async function deployBucketContents(
  client: S3Client,
  properties: Readonly<Record<string, unknown>>,
  assets: AssetIndex,
  resource: string,
): Promise<DeploymentResult> {
  const problems: string[] = [];
  const bucketNames = stringList(properties.SourceBucketNames, 'SourceBucketNames', problems);
  const objectKeys = stringList(properties.SourceObjectKeys, 'SourceObjectKeys', problems);
  const destination = properties.DestinationBucketName;
  if (typeof destination !== 'string') problems.push('DestinationBucketName is required');
  if (bucketNames.length !== objectKeys.length)
    problems.push('SourceBucketNames and SourceObjectKeys differ in length');
  const markers = Array.isArray(properties.SourceMarkers) ? properties.SourceMarkers.map(record) : [];
  const markersConfig = Array.isArray(properties.SourceMarkersConfig)
    ? properties.SourceMarkersConfig.map((config) => record(config) as MarkersConfig)
    : [];
  if (markers.length > objectKeys.length) {
    problems.push(
      `Can never have more SourceMarkers (${markers.length}) than SourceObjectKeys (${objectKeys.length})`,
    );
  }
  const exclude = stringList(properties.Exclude, 'Exclude', problems);
  const include = stringList(properties.Include, 'Include', problems);
  if (problems.length > 0 || typeof destination !== 'string') throw new S3DefinitionError(resource, problems);

  const extract = String(properties.Extract ?? 'true') === 'true';
  const prune = String(properties.Prune ?? 'true').toLowerCase() === 'true';
  const rawPrefix =
    typeof properties.DestinationBucketKeyPrefix === 'string' ? properties.DestinationBucketKeyPrefix : '';
  const prefix =
    rawPrefix === '/' || rawPrefix === '' ? '' : rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`;

  const tree = new Map<string, Buffer>();
  for (const [index, key] of objectKeys.entries()) {
    const asset = assets.require(bucketNames[index], key, `${resource}.SourceObjectKeys[${index}]`);
    if (!extract) {
      const [name, content] = sourceArchive(asset.path, key);
      tree.set(name, content);
      continue;
    }
    for (const [path, content] of sourceFiles(asset.path)) {
      tree.set(path, replaceMarkers(content, markers[index] ?? {}, markersConfig[index] ?? {}, resource));
    }
  }

  const included = syncFilter(exclude, include);
  const system = systemMetadata(record(properties.SystemMetadata));
  const contentTypeOverride = Object.entries(record(properties.SystemMetadata)).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1];
  const userMetadata = Object.fromEntries(
    Object.entries(record(properties.UserMetadata)).map(([name, value]) => [
      name.toLowerCase(),
      String(value),
    ]),
  );
  const uploaded: string[] = [];
  for (const [path, content] of tree) {
    if (!included(path)) continue;
    const key = `${prefix}${path}`;
    const guessed = mimeTypeOf(path);
    await client.send(
      new PutObjectCommand({
        Bucket: destination,
        Key: key,
        Body: content,
        ...system,
        ...(contentTypeOverride !== undefined
          ? { ContentType: String(contentTypeOverride) }
          : guessed === false
            ? {}
            : { ContentType: guessed }),
        ...(Object.keys(userMetadata).length > 0 ? { Metadata: userMetadata } : {}),
      }),
    );
    uploaded.push(key);
  }

  const pruned = prune ? await pruneOthers(client, destination, prefix, new Set(uploaded), included) : [];
  const physicalId = `aws.cdk.s3deployment.${createHash('sha256').update(resource).digest('hex').slice(0, 32)}`;
  return { physicalId, uploaded, pruned };
}

async function pruneOthers(
  client: S3Client,
  bucket: string,
  prefix: string,
  keep: ReadonlySet<string>,
  included: (path: string) => boolean,
): Promise<string[]> {
  const stale = (await listKeys(client, bucket, prefix)).filter(
    (key) => !keep.has(key) && included(key.slice(prefix.length)),
  );
  await deleteKeys(client, bucket, stale);
  return stale;
}
