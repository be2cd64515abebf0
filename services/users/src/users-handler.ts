import type { DataStore } from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import { createSubgraphHandler, type SubgraphHandler } from '@stratum/subgraph';
import { classifyError } from './error-classification.ts';
import { usersSchema } from './schema.ts';

export interface UsersHandlerDependencies {
  /** Called per invocation; the real one builds the store once and caches it. */
  readonly dataStore: () => DataStore;
  readonly logger: Observability['logger'];
}

export type UsersHandler = SubgraphHandler;

/** The users subgraph Lambda; invoked only by the gateway (see `createSubgraphHandler`). */
export function createUsersHandler(dependencies: UsersHandlerDependencies): UsersHandler {
  const { logger } = dependencies;
  return createSubgraphHandler({
    schema: usersSchema,
    logger,
    classifyError,
    context: ({ principal, correlationId }) => ({
      principal,
      correlationId,
      logger,
      data: dependencies.dataStore(),
    }),
  });
}
