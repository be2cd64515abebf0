import { resolve } from 'node:path';
import type { DeployedLambda } from '../lambda/lambda-resource-providers.ts';
import type { WatchedFunction } from './dev-loop.ts';

/** The deployed functions whose template records where their bundle comes from, with absolute entries. */
export function watchedFunctionsOf(deployed: readonly DeployedLambda[], root: string): WatchedFunction[] {
  return deployed.flatMap(({ definition, bundling }) =>
    bundling
      ? [
          {
            functionName: definition.functionName,
            definition,
            source: { entry: resolve(root, bundling.entry), externalModules: bundling.externalModules },
          },
        ]
      : [],
  );
}
