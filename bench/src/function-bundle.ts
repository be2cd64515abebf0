import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

/** Lets bundled CommonJS dependencies call `require` inside the ESM output. */
const REQUIRE_BANNER =
  "import { createRequire as __stratumCreateRequire } from 'node:module'; const require = __stratumCreateRequire(import.meta.url);";

/**
 * Bundles one handler the way the CDK `StratumFunction` construct does
 * (infra/src/app/stratum-function.ts): one minified ESM file for Node 22, AWS SDK v3 inside,
 * nothing external. Returns the bundle's size in bytes.
 */
export async function bundleHandler(entry: string, outfile: string): Promise<number> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    keepNames: true,
    sourcemap: false,
    banner: { js: REQUIRE_BANNER },
    logLevel: 'error',
  });
  return statSync(outfile).size;
}
