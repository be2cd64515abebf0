import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Root of the repository: the folder holding `package-lock.json`, `services/` and `packages/`. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The lock file esbuild bundling resolves dependencies against (npm workspaces: one for all). */
export const LOCK_FILE = `${REPOSITORY_ROOT}package-lock.json`;

/**
 * Absolute path of a Lambda entry file, `services/<service>/src/<file>`. Fails with the path
 * it looked for, so that a renamed handler breaks synthesis with a clear message.
 *
 * @example
 * ```ts
 * serviceEntry('authorizer', 'handler.ts'); // /repo/services/authorizer/src/handler.ts
 * ```
 */
export function serviceEntry(service: string, file = 'handler.ts'): string {
  const path = `${REPOSITORY_ROOT}services/${service}/src/${file}`;
  if (!existsSync(path)) {
    throw new Error(
      `Lambda entry ${path} does not exist: every function is bundled from services/<name>/src`,
    );
  }
  return path;
}
