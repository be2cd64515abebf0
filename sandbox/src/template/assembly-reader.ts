import { join } from 'node:path';
import {
  type ManifestArtifact,
  parseEnvironment,
  readJsonFile,
  readManifestArtifacts,
  stringProperty,
} from './assembly-manifest.ts';
import { AssetIndex, type LocalAsset } from './asset-index.ts';
import { readAssetManifest } from './asset-manifests.ts';
import { AssemblyError } from './errors.ts';
import { type CfnTemplate, isObject } from './template-types.ts';
import { topologicalOrder } from './topological-order.ts';

/** One CloudFormation stack of the assembly, with its parsed template. */
export interface StackArtifact {
  /** The artifact id in the manifest (e.g. `localMonitoring9B203CB0`). */
  readonly artifactId: string;
  /** The CloudFormation stack name (`properties.stackName`). */
  readonly stackName: string;
  /** The construct path (`local/Monitoring`). */
  readonly displayName: string;
  readonly accountId: string;
  readonly region: string;
  readonly templateFile: string;
  readonly template: CfnTemplate;
  /** Artifact ids of the stacks that must deploy first. */
  readonly dependsOn: readonly string[];
}

export interface CloudAssembly {
  /** The directory of the (nested) assembly that was read. */
  readonly directory: string;
  /** Stacks in deployment order: each after the stacks it depends on. */
  readonly stacks: readonly StackArtifact[];
  readonly assets: AssetIndex;
}

export interface ReadAssemblyOptions {
  /** The stage to read: the nested assembly whose display name (or `assembly-<stage>` directory) matches. */
  readonly stage?: string;
}

/**
 * Reads a synthesized cloud assembly: `<outdir>/manifest.json`, the nested
 * `assembly-<stage>` of a CDK Stage, its stacks (ordered by their dependencies) and its asset
 * manifests.
 *
 * @example
 * ```ts
 * const assembly = readCloudAssembly('cdk.out', { stage: 'local' });
 * for (const stack of assembly.stacks) console.log(stack.stackName, stack.region);
 * ```
 */
export function readCloudAssembly(outdir: string, options: ReadAssemblyOptions = {}): CloudAssembly {
  const directory = locateAssembly(outdir, options.stage);
  const artifacts = readManifestArtifacts(directory);

  const stacks = new Map<string, StackArtifact>();
  for (const [id, artifact] of artifacts) {
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    stacks.set(id, readStack(directory, id, artifact, artifacts));
  }
  const order = topologicalOrder([...stacks.keys()], (id) => stacks.get(id)?.dependsOn ?? [], 'stack');

  const assetEntries: [string, LocalAsset][] = [];
  for (const [id, artifact] of artifacts) {
    if (artifact.type !== 'cdk:asset-manifest') continue;
    const users = [...stacks.values()].filter((stack) =>
      artifacts.get(stack.artifactId)?.dependencies?.includes(id),
    );
    assetEntries.push(...readAssetManifest(directory, id, artifact, users));
  }
  return {
    directory,
    stacks: order.map((id) => stacks.get(id) as StackArtifact),
    assets: new AssetIndex(assetEntries),
  };
}

function locateAssembly(outdir: string, stage: string | undefined): string {
  const artifacts = readManifestArtifacts(outdir);
  const nested = [...artifacts].filter(([, artifact]) => artifact.type === 'cdk:cloud-assembly');
  const hasStacks = [...artifacts.values()].some((artifact) => artifact.type === 'aws:cloudformation:stack');
  if (stage === undefined) {
    if (hasStacks || nested.length === 0) return outdir;
    if (nested.length === 1) return join(outdir, directoryOf(...(nested[0] as [string, ManifestArtifact])));
  }
  const match = nested.find(([id, artifact]) => {
    const dir = directoryOf(id, artifact);
    return artifact.properties?.displayName === stage || dir === stage || dir === `assembly-${stage}`;
  });
  if (!match) {
    const known =
      nested.map(([id, artifact]) => String(artifact.properties?.displayName ?? id)).join(', ') || 'none';
    throw new AssemblyError(
      `${outdir} has no nested assembly for stage "${stage ?? '(any)'}" (stages: ${known}); synthesize it first`,
    );
  }
  return join(outdir, directoryOf(...match));
}

function directoryOf(id: string, artifact: ManifestArtifact): string {
  return stringProperty(artifact, id, 'directoryName');
}

function readStack(
  directory: string,
  id: string,
  artifact: ManifestArtifact,
  artifacts: ReadonlyMap<string, ManifestArtifact>,
): StackArtifact {
  const templateFile = join(directory, stringProperty(artifact, id, 'templateFile'));
  const template = readJsonFile(templateFile, 'template');
  if (!isObject(template) || !isObject(template.Resources)) {
    throw new AssemblyError(`the template ${templateFile} has no Resources section`);
  }
  const stackName = typeof artifact.properties?.stackName === 'string' ? artifact.properties.stackName : id;
  return {
    artifactId: id,
    stackName,
    displayName: artifact.displayName ?? id,
    ...parseEnvironment(artifact.environment, id),
    templateFile,
    template: template as unknown as CfnTemplate,
    dependsOn: (artifact.dependencies ?? []).filter(
      (dependency) => artifacts.get(dependency)?.type === 'aws:cloudformation:stack',
    ),
  };
}
