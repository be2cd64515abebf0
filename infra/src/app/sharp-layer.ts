import { basename } from 'node:path';
import { AssetHashType } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { type NpmInstaller, nativePackageDirectory, pinnedVersion } from './native-package-directory.ts';

export interface SharpLayerProps {
  /** @default the version `services/media-processor` pins, so that tests and Lambda run the same sharp */
  readonly version?: string;
  /** Replaces `npm install` (tests). */
  readonly installer?: NpmInstaller;
  /** Where prepared layers are cached. @default `node_modules/.cache/stratum-layers` */
  readonly cacheRoot?: string;
}

/**
 * sharp for Lambda's nodejs22.x on arm64 as a layer (`/opt/nodejs/node_modules/sharp`). sharp is
 * native, so esbuild leaves it out of the media processor's bundle; the build machine's own
 * copy would carry x64 (or macOS) binaries that Lambda cannot load, so the layer is installed
 * for linux-arm64 with glibc from npm's prebuilt `@img/sharp-linux-arm64` package. Node resolves
 * ES module imports from layers on Node 18 and later, so `import sharp from 'sharp'` finds it.
 *
 * The sandbox runs the `local` stage without this layer: there the functions resolve the
 * machine's own sharp from the repository's `node_modules`.
 */
export class SharpLayer extends Construct {
  readonly layer: lambda.LayerVersion;
  readonly version: string;

  constructor(scope: Construct, id: string, props: SharpLayerProps = {}) {
    super(scope, id);
    this.version = props.version ?? pinnedVersion('services/media-processor', 'sharp');
    const directory = nativePackageDirectory(
      {
        name: 'sharp',
        version: this.version,
        platform: { os: 'linux', cpu: 'arm64', libc: 'glibc' },
        mustContain: '@img/sharp-linux-arm64/package.json',
        cacheRoot: props.cacheRoot,
      },
      props.installer,
    );
    this.layer = new lambda.LayerVersion(this, 'Layer', {
      // The directory's name is its content's identity (package, exact version, platform): hashing
      // 20 MB of binaries on every synth would add nothing.
      code: lambda.Code.fromAsset(directory, {
        assetHash: basename(directory),
        assetHashType: AssetHashType.CUSTOM,
      }),
      compatibleArchitectures: [lambda.Architecture.ARM_64],
      compatibleRuntimes: [lambda.Runtime.NODEJS_22_X],
      description: `sharp ${this.version} for linux-arm64 (glibc), used by the media processor`,
      license: 'Apache-2.0',
    });
  }
}
