import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  type NativePackageRequest,
  nativePackageDirectory,
  pinnedVersion,
} from '../../src/app/native-package-directory.ts';
import { SharpLayer } from '../../src/app/sharp-layer.ts';
import { temporaryOutdir } from './temporary-outdir.ts';

/** Lays out what `npm install --os=linux --cpu=arm64 sharp` produces, without the registry. */
function fakeInstall(calls: NativePackageRequest[]) {
  return (prefix: string, request: NativePackageRequest) => {
    calls.push(request);
    const platformPackage = join(
      prefix,
      'node_modules',
      '@img',
      `sharp-${request.platform.os}-${request.platform.cpu}`,
    );
    mkdirSync(join(platformPackage, 'lib'), { recursive: true });
    writeFileSync(join(platformPackage, 'package.json'), '{}');
    mkdirSync(join(prefix, 'node_modules', 'sharp'), { recursive: true });
  };
}

const request = (cacheRoot: string): NativePackageRequest => ({
  name: 'sharp',
  version: '0.35.5',
  platform: { os: 'linux', cpu: 'arm64', libc: 'glibc' },
  mustContain: '@img/sharp-linux-arm64/package.json',
  cacheRoot,
});

describe('nativePackageDirectory', () => {
  it('installs once per name, version and platform, then reuses the cached layer directory', () => {
    const cacheRoot = temporaryOutdir('stratum-layer-cache');
    const calls: NativePackageRequest[] = [];
    const first = nativePackageDirectory(request(cacheRoot), fakeInstall(calls));
    const second = nativePackageDirectory(request(cacheRoot), fakeInstall(calls));
    expect(second).toBe(first);
    expect(calls).toHaveLength(1);
    expect(first).toMatch(/sharp-0\.35\.5-linux-arm64-glibc$/);
    expect(existsSync(join(first, 'nodejs', 'node_modules', 'sharp'))).toBe(true);
  });

  it('fails with the package and platform when the install lacks the native binary, leaving nothing behind', () => {
    const cacheRoot = temporaryOutdir('stratum-layer-cache');
    const emptyInstall = () => undefined;
    expect(() => nativePackageDirectory(request(cacheRoot), emptyInstall)).toThrow(
      /sharp@0\.35\.5 published for linux-arm64 \(glibc\)/,
    );
    expect(readdirSync(cacheRoot)).toEqual([]);
  });

  it('reports a failed install (no registry) with where the cache lives', () => {
    const cacheRoot = temporaryOutdir('stratum-layer-cache');
    const offline = () => {
      throw new Error('npm ERR! network request failed');
    };
    expect(() => nativePackageDirectory(request(cacheRoot), offline)).toThrow(
      /needs the npm registry once per machine.*network request failed/,
    );
    expect(readdirSync(cacheRoot)).toEqual([]);
  });

  it('refuses version ranges and names that are not npm package names', () => {
    const cacheRoot = temporaryOutdir('stratum-layer-cache');
    expect(() =>
      nativePackageDirectory({ ...request(cacheRoot), version: '^0.35.5' }, () => undefined),
    ).toThrow(/exact version/);
    expect(() =>
      nativePackageDirectory({ ...request(cacheRoot), name: '../sharp' }, () => undefined),
    ).toThrow(/not an npm package name/);
  });

  it('reads the version a workspace pins', () => {
    expect(pinnedVersion('services/media-processor', 'sharp')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(() => pinnedVersion('services/media-processor', 'left-pad')).toThrow(
      /does not depend on left-pad/,
    );
  });
});

describe('SharpLayer', () => {
  it('is an arm64, nodejs22.x layer of the version the media processor pins', () => {
    const app = new App({ outdir: temporaryOutdir('stratum-sharp-layer') });
    const stack = new Stack(app, 'Layers');
    const calls: NativePackageRequest[] = [];
    const sharp = new SharpLayer(stack, 'Sharp', {
      cacheRoot: temporaryOutdir('stratum-layer-cache'),
      installer: fakeInstall(calls),
    });
    expect(sharp.version).toBe(pinnedVersion('services/media-processor', 'sharp'));
    expect(calls[0]?.platform).toEqual({ os: 'linux', cpu: 'arm64', libc: 'glibc' });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::LayerVersion', {
      CompatibleArchitectures: ['arm64'],
      CompatibleRuntimes: ['nodejs22.x'],
      Description: `sharp ${sharp.version} for linux-arm64 (glibc), used by the media processor`,
    });
  });
});
