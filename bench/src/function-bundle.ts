import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build } from 'esbuild';
import { FUNCTION_BUNDLING } from '../../infra/src/app/stratum-function.ts';

/**
 * The esbuild options a CDK `NodejsFunction` runs with the given bundling options. Only the
 * options `StratumFunction` uses are mirrored; any other one throws, so that the construct and
 * this benchmark cannot drift apart silently.
 */
export function esbuildOptionsOf(bundling: Readonly<BundlingOptions>): BuildOptions {
  const options: BuildOptions = { bundle: true, platform: 'node', logLevel: 'error' };
  const alias: Record<string, string> = {};
  for (const [key, value] of Object.entries(bundling)) {
    switch (key) {
      case 'format':
        options.format = bundling.format === 'esm' ? 'esm' : 'cjs';
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
        // With the SDK bundled and no external modules, nothing is left out of the bundle.
        if (!bundling.bundleAwsSDK || (bundling.externalModules ?? []).length > 0)
          throw new Error('The benchmark mirrors bundles with nothing external only.');
        break;
      case 'esbuildArgs':
        for (const [arg, values] of Object.entries(bundling.esbuildArgs ?? {})) {
          if (arg !== '--alias' || !Array.isArray(values))
            throw new Error(`Unmirrored esbuild argument ${arg}.`);
          for (const pair of values) {
            const [from, to] = pair.split(/=(.*)/s);
            if (!from || !to) throw new Error(`Malformed --alias ${pair}.`);
            alias[from] = to;
          }
        }
        break;
      default:
        throw new Error(
          `StratumFunction bundling option ${key} (${String(value)}) is not mirrored by the benchmark.`,
        );
    }
  }
  if (Object.keys(alias).length > 0) options.alias = alias;
  return options;
}

/**
 * Bundles one handler exactly as the CDK `StratumFunction` construct does
 * (`FUNCTION_BUNDLING` in infra/src/app/stratum-function.ts), source map included.
 * Returns the bundle's size in bytes (the map beside it not counted).
 */
export async function bundleHandler(entry: string, outfile: string): Promise<number> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({ ...esbuildOptionsOf(FUNCTION_BUNDLING), entryPoints: [entry], outfile });
  return statSync(outfile).size;
}
