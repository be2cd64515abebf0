import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import { FUNCTION_BUNDLING } from '../../infra/src/app/stratum-function.ts';
import { esbuildOptionsOf } from '../../sandbox/src/dev-loop/esbuild-options.ts';

/**
 * Bundles one handler exactly as the CDK `StratumFunction` construct does
 * (`FUNCTION_BUNDLING` in infra/src/app/stratum-function.ts), source map included, through the same
 * translation of CDK bundling options to esbuild that the sandbox's fast loop uses (it refuses any
 * option it does not mirror, so neither can drift from the synth silently). The benchmarked
 * functions bundle everything: nothing is external. Returns the bundle's size in bytes (the map
 * beside it not counted).
 */
export async function bundleHandler(entry: string, outfile: string): Promise<number> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    ...esbuildOptionsOf(FUNCTION_BUNDLING, []),
    logLevel: 'error',
    entryPoints: [entry],
    outfile,
  });
  return statSync(outfile).size;
}
