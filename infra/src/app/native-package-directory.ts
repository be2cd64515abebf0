import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from './service-entry.ts';

/** A Lambda platform a native package is installed for (what `npm install --os/--cpu/--libc` takes). */
export interface LambdaPlatform {
  readonly os: 'linux';
  readonly cpu: 'arm64' | 'x64';
  readonly libc: 'glibc';
}

export interface NativePackageRequest {
  /** The npm package, e.g. `sharp`. */
  readonly name: string;
  /** An exact version (a range would make the layer change under the same cache key). */
  readonly version: string;
  readonly platform: LambdaPlatform;
  /** A file, relative to `nodejs/node_modules`, that must exist after the install (the native binary). */
  readonly mustContain: string;
  /** @default `node_modules/.cache/stratum-layers` under the repository root */
  readonly cacheRoot?: string;
}

/** Runs the install; replaced in tests. */
export type NpmInstaller = (prefix: string, request: NativePackageRequest) => void;

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/**
 * A directory laid out as a Lambda layer for Node.js (`nodejs/node_modules/<name>`) holding the
 * package installed for the Lambda platform, not the build machine's: `npm install --os --cpu
 * --libc` fetches the prebuilt binaries of that platform (for sharp, `@img/sharp-linux-arm64`).
 * The result is cached per name, version and platform, so synthesis installs once per machine;
 * the install goes to a temporary folder that is renamed into place only once it is complete,
 * so an interrupted install is never mistaken for a good one.
 */
export function nativePackageDirectory(
  request: NativePackageRequest,
  install: NpmInstaller = npmInstall,
): string {
  if (!PACKAGE_NAME.test(request.name)) throw new Error(`not an npm package name: ${request.name}`);
  if (!EXACT_VERSION.test(request.version)) {
    throw new Error(`${request.name}: a layer needs an exact version, got "${request.version}"`);
  }
  const { os, cpu, libc } = request.platform;
  const cacheRoot = request.cacheRoot ?? join(REPOSITORY_ROOT, 'node_modules', '.cache', 'stratum-layers');
  const key = `${request.name.replace('/', '+')}-${request.version}-${os}-${cpu}-${libc}`;
  const directory = join(cacheRoot, key);
  const marker = join(directory, 'nodejs', 'node_modules', request.mustContain);
  if (existsSync(marker)) return directory;

  const staging = `${directory}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'nodejs'), { recursive: true });
  try {
    install(join(staging, 'nodejs'), request);
    if (!existsSync(join(staging, 'nodejs', 'node_modules', request.mustContain))) {
      throw new Error(
        `the install did not produce nodejs/node_modules/${request.mustContain}: is ${request.name}@${request.version} ` +
          `published for ${os}-${cpu} (${libc})?`,
      );
    }
    rmSync(directory, { recursive: true, force: true });
    renameSync(staging, directory);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `could not prepare the ${key} layer (it needs the npm registry once per machine; the result is cached in ${cacheRoot}): ${
        error instanceof Error ? error.message : String(error)
      }`,
      { cause: error },
    );
  }
  return directory;
}

/** `npm install` of one exact package for another platform, without touching the workspace's lock file. */
function npmInstall(prefix: string, request: NativePackageRequest): void {
  const { os, cpu, libc } = request.platform;
  execFileSync(
    'npm',
    [
      'install',
      `${request.name}@${request.version}`,
      '--prefix',
      prefix,
      `--os=${os}`,
      `--cpu=${cpu}`,
      `--libc=${libc}`,
      '--omit=dev',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
    ],
    { cwd: prefix, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 },
  );
}

/** The exact version of `dependency` a workspace pins in its package.json (one source of truth). */
export function pinnedVersion(workspace: string, dependency: string): string {
  const manifest = JSON.parse(readFileSync(join(REPOSITORY_ROOT, workspace, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const version = manifest.dependencies?.[dependency];
  if (version === undefined) throw new Error(`${workspace}/package.json does not depend on ${dependency}`);
  return version;
}
