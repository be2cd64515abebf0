import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The installed directory of an npm package, found the way Node looks for it (each
 * `node_modules` from here up). Works for packages whose `exports` map hides `package.json`
 * and the files we need to run directly.
 */
export function packageDirectory(name: string): string {
  const require = createRequire(import.meta.url);
  for (const modules of require.resolve.paths(name) ?? []) {
    const candidate = join(modules, name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`The npm package ${name} is not installed; run npm install in the repository root.`);
}
