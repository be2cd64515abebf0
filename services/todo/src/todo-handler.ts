import type { DataStore } from '@stratum/data';
import { type SubgraphResult, subgraphInvocationSchema } from '@stratum/gateway/protocol';
import type { Observability } from '@stratum/runtime';
import { executeOperation } from './execute-operation.ts';
import { todoSchema } from './schema.ts';

export interface TodoHandlerDependencies {
  /** Called per invocation; the real one builds the store once and caches it. */
  readonly dataStore: () => DataStore;
  readonly logger: Observability['logger'];
}

export type TodoHandler = (event: unknown) => Promise<SubgraphResult>;

/**
 * The todo subgraph Lambda. It is invoked ONLY by the gateway through the Lambda Invoke API:
 * its resource policy admits the gateway's execution role and nothing else, so the `principal`
 * in the payload (built by the gateway from the authorizer's verified context) is trusted as is.
 * It has no HTTP route and no function URL.
 */
export function createTodoHandler(dependencies: TodoHandlerDependencies): TodoHandler {
  const { logger } = dependencies;
  return async (event) => {
    const invocation = subgraphInvocationSchema.safeParse(event);
    if (!invocation.success) {
      logger.error('Invalid subgraph invocation', { issues: invocation.error.issues });
      return {
        errors: [{ message: 'Invalid subgraph invocation.', extensions: { code: 'INVALID_INVOCATION' } }],
      };
    }
    const { principal, correlationId } = invocation.data;
    logger.appendKeys({ correlationId });
    try {
      return await executeOperation(todoSchema, invocation.data, {
        principal,
        correlationId,
        data: dependencies.dataStore(),
        logger,
      });
    } finally {
      logger.resetKeys();
    }
  };
}
