import type { Observability } from '@stratum/runtime';
import { createSubgraphHandler, type SubgraphHandler } from '@stratum/subgraph';
import { classifyError } from './error-classification.ts';
import type { DeadLetterOperations } from './queues/dead-letter-operations.ts';
import { operationsSchema } from './schema.ts';

export interface OperationsHandlerDependencies {
  readonly deadLetters: DeadLetterOperations;
  readonly logger: Observability['logger'];
}

/** The operations subgraph Lambda; invoked only by the gateway (see `createSubgraphHandler`). */
export function createOperationsHandler(dependencies: OperationsHandlerDependencies): SubgraphHandler {
  const { logger, deadLetters } = dependencies;
  return createSubgraphHandler({
    schema: operationsSchema,
    logger,
    classifyError,
    context: ({ principal, correlationId }) => ({ principal, correlationId, logger, deadLetters }),
  });
}
