import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssemblyError } from './errors.ts';
import { isObject } from './template-types.ts';

/** One artifact of a cloud assembly `manifest.json`, as far as the sandbox reads it. */
export interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly displayName?: string;
  readonly dependencies?: readonly string[];
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** Reads `<directory>/manifest.json` → artifact id → artifact. */
export function readManifestArtifacts(directory: string): Map<string, ManifestArtifact> {
  const manifest = readJsonFile(join(directory, 'manifest.json'), 'cloud assembly manifest');
  if (!isObject(manifest) || !isObject(manifest.artifacts)) {
    throw new AssemblyError(
      `${join(directory, 'manifest.json')} has no "artifacts": is this a CDK cloud assembly?`,
    );
  }
  const artifacts = new Map<string, ManifestArtifact>();
  for (const [id, artifact] of Object.entries(manifest.artifacts)) {
    if (isObject(artifact) && typeof artifact.type === 'string')
      artifacts.set(id, artifact as unknown as ManifestArtifact);
  }
  return artifacts;
}

/** A string property of an artifact, or an {@link AssemblyError} naming what is missing. */
export function stringProperty(artifact: ManifestArtifact, id: string, name: string): string {
  const value = artifact.properties?.[name];
  if (typeof value !== 'string')
    throw new AssemblyError(`artifact ${id} (${artifact.type}) has no properties.${name}`);
  return value;
}

/** `aws://<account>/<region>` → its parts. */
export function parseEnvironment(
  environment: string | undefined,
  id: string,
): { accountId: string; region: string } {
  const match = /^aws:\/\/([^/]+)\/([^/]+)$/.exec(environment ?? '');
  const [, accountId, region] = match ?? [];
  if (!accountId || !region || accountId.startsWith('unknown-') || region.startsWith('unknown-')) {
    throw new AssemblyError(
      `stack ${id} has environment "${environment}"; the sandbox deploys only stacks with an explicit account and region`,
    );
  }
  return { accountId, region };
}

export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AssemblyError(`cannot read the ${what} ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AssemblyError(`the ${what} ${file} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
