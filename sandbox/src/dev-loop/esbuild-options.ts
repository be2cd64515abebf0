import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { DevLoopError } from './errors.ts';

/**
 * The esbuild options that CDK's `NodejsFunction` derives from `bundling` (see `buildEsbuildArgs` in
 * aws-cdk-lib's `aws-lambda-nodejs/lib/bundling.js`), as a JS API call run from the project root.
 * Only what `FUNCTION_BUNDLING` uses is mirrored: any other option throws, so the sandbox can
 * never silently bundle differently from the synth.
 */
export function esbuildOptionsOf(
  bundling: Readonly<BundlingOptions>,
  externalModules: readonly string[],
): BuildOptions {
  const options: BuildOptions = {
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
    external: [...externalModules],
  };
  for (const [key, value] of Object.entries(bundling)) {
    switch (key) {
      case 'format':
        options.format = value === 'esm' ? 'esm' : 'cjs';
        break;
      case 'target':
        options.target = bundling.target;
        break;
      case 'mainFields':
        options.mainFields = [...(bundling.mainFields ?? [])];
        break;
      case 'minify':
        options.minify = bundling.minify;
        break;
      case 'keepNames':
        options.keepNames = bundling.keepNames;
        break;
      case 'sourceMap':
        options.sourcemap = bundling.sourceMap;
        break;
      case 'sourcesContent':
        options.sourcesContent = bundling.sourcesContent;
        break;
      case 'banner':
        options.banner = { js: bundling.banner ?? '' };
        break;
      case 'bundleAwsSDK':
      case 'externalModules':
      case 'forceDockerBundling':
        // Externals come from the function's recorded bundling (FUNCTION_BUNDLING's plus its own).
        break;
      case 'esbuildArgs':
        options.alias = aliasesOf(bundling.esbuildArgs ?? {});
        break;
      default:
        throw new DevLoopError(`the fast loop does not mirror the bundling option ${key} (${String(value)})`);
    }
  }
  return options;
}

function aliasesOf(args: Readonly<Record<string, unknown>>): Record<string, string> {
  const alias: Record<string, string> = {};
  for (const [arg, values] of Object.entries(args)) {
    if (arg !== '--alias' || !Array.isArray(values))
      throw new DevLoopError(`the fast loop does not mirror the esbuild argument ${arg}`);
    for (const pair of values) {
      const [from, to] = String(pair).split(/=(.*)/s);
      if (!from || !to) throw new DevLoopError(`malformed --alias ${String(pair)}`);
      alias[from] = to;
    }
  }
  return alias;
}

/** The bundle's file name, as NodejsFunction names it. */
export function outputFileOf(options: BuildOptions): string {
  return options.format === 'esm' ? 'index.mjs' : 'index.js';
}
