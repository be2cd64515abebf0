import type { DataStore } from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import { createSubgraphHandler, type SubgraphHandler } from '@stratum/subgraph';
import { classifyError } from './error-classification.ts';
import { todoSchema } from './schema.ts';

export interface TodoHandlerDependencies {
  /** Called per invocation; the real one builds the store once and caches it. */
  readonly dataStore: () => DataStore;
  readonly logger: Observability['logger'];
}

export type TodoHandler = SubgraphHandler;

/** The todo subgraph Lambda; invoked only by the gateway (see `createSubgraphHandler`). */
export function createTodoHandler(dependencies: TodoHandlerDependencies): TodoHandler {
  const { logger } = dependencies;
  return createSubgraphHandler({
    schema: todoSchema,
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
