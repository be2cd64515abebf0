import { join, resolve } from 'node:path';
import { type ManifestArtifact, readJsonFile, stringProperty } from './assembly-manifest.ts';
import { type LocalAsset, substituteAssetPlaceholders } from './asset-index.ts';
import { AssemblyError } from './errors.ts';
import { LOCAL_PARTITION } from './pseudo-parameters.ts';
import { isObject } from './template-types.ts';

/**
 * The file assets of one `*.assets.json` manifest, keyed by every `s3://bucket/key` they are
 * published to. Placeholders are substituted with the environment of each stack that depends
 * on the manifest (a destination's own `region` wins).
 */
export function readAssetManifest(
  directory: string,
  id: string,
  artifact: ManifestArtifact,
  environments: readonly { readonly accountId: string; readonly region: string }[],
): [string, LocalAsset][] {
  const file = join(directory, stringProperty(artifact, id, 'file'));
  const manifest = readJsonFile(file, 'asset manifest');
  const files = isObject(manifest) && isObject(manifest.files) ? manifest.files : {};
  const entries: [string, LocalAsset][] = [];
  for (const [hash, entry] of Object.entries(files)) {
    if (!isObject(entry) || !isObject(entry.source) || !isObject(entry.destinations)) continue;
    const { path, packaging } = entry.source;
    if (typeof path !== 'string') {
      throw new AssemblyError(
        `asset ${hash} of ${file} has no source.path (assets built by a command are not supported)`,
      );
    }
    const asset: LocalAsset = {
      id: hash,
      path: resolve(directory, path),
      packaging: packaging === 'zip' ? 'zip' : 'file',
      ...(typeof entry.displayName === 'string' ? { displayName: entry.displayName } : {}),
    };
    for (const destination of Object.values(entry.destinations)) {
      if (!isObject(destination)) continue;
      const { bucketName, objectKey } = destination;
      if (typeof bucketName !== 'string' || typeof objectKey !== 'string') continue;
      for (const environment of environments) {
        const values = {
          accountId: environment.accountId,
          region:
            typeof destination.region === 'string' && !destination.region.includes('${')
              ? destination.region
              : environment.region,
          partition: LOCAL_PARTITION,
        };
        const bucket = substituteAssetPlaceholders(bucketName, values);
        const key = substituteAssetPlaceholders(objectKey, values);
        entries.push([`s3://${bucket}/${key}`, asset]);
      }
    }
  }
  return entries;
}
