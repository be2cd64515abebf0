import { type Principal, type SubgraphResult, subgraphInvocationSchema } from '@stratum/gateway/protocol';
import type { Observability } from '@stratum/runtime';
import type { GraphQLSchema } from 'graphql';
import { DocumentCache } from './document-cache.ts';
import { type ErrorClassifier, executeOperation, type OperationContext } from './execute-operation.ts';

export interface SubgraphHandlerOptions<C extends OperationContext> {
  readonly schema: GraphQLSchema;
  readonly logger: Observability['logger'];
  readonly classifyError: ErrorClassifier;
  /** Builds the resolver context of one invocation from its verified principal. */
  readonly context: (invocation: { principal: Principal; correlationId: string }) => C;
}

export type SubgraphHandler = (event: unknown) => Promise<SubgraphResult>;

/**
 * A subgraph Lambda. It is invoked ONLY by the gateway through the Lambda Invoke API: its
 * resource policy admits the gateway's execution role and nothing else, so the `principal` in
 * the payload (built by the gateway from the authorizer's verified context) is trusted as is.
 * It has no HTTP route and no function URL.
 *
 * @example
 * ```ts
 * export const handle = createSubgraphHandler({ schema, logger, classifyError,
 *   context: ({ principal, correlationId }) => ({ principal, correlationId, logger, data }) });
 * ```
 */
export function createSubgraphHandler<C extends OperationContext>(
  options: SubgraphHandlerOptions<C>,
): SubgraphHandler {
  const { logger } = options;
  const documents = new DocumentCache(options.schema);
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
      const context = options.context({ principal, correlationId });
      return await executeOperation(documents, invocation.data, context, options.classifyError);
    } finally {
      logger.resetKeys();
    }
  };
}
