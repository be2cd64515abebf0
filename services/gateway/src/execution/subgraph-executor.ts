import type { FederationSubschemaConfig } from '@graphql-tools/federation';
import { GraphQLError, type GraphQLFormattedError, print } from 'graphql';
import * as z from 'zod';
import type { Principal } from '../protocol/index.ts';
import type { InvokeSubgraph } from './subgraph-invoker.ts';

type Executor = FederationSubschemaConfig['executor'];

/** What the gateway passes as GraphQL context; every subgraph call forwards it. */
export interface GatewayContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly logger: { error(message: string, extra: Record<string, unknown>): void };
}

const subgraphResultSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        path: z.array(z.union([z.string(), z.number()])).optional(),
        extensions: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});

/**
 * The executor of one subgraph: prints the delegated operation and invokes the subgraph with
 * the caller's principal and correlation id. If the subgraph cannot answer, the fields it owns
 * get an error (SUBGRAPH_UNAVAILABLE) and the rest of the response is still served.
 */
export function createSubgraphExecutor(subgraph: string, invoke: InvokeSubgraph): Executor {
  const executor = async (request: Parameters<Executor>[0]) => {
    const context = request.context as GatewayContext | undefined;
    if (!context) throw new Error('The gateway context is missing from a delegated request.');
    try {
      const answer = await invoke(subgraph, {
        query: print(request.document),
        variables: request.variables ?? null,
        operationName: request.operationName ?? null,
        principal: context.principal,
        correlationId: context.correlationId,
      });
      const result = subgraphResultSchema.parse(answer);
      return {
        ...(result.data === undefined ? {} : { data: result.data }),
        ...(result.errors ? { errors: result.errors.map(toGraphQLError) } : {}),
      };
    } catch (error) {
      context.logger.error('Subgraph call failed', { subgraph, correlationId: context.correlationId, error });
      return {
        errors: [
          new GraphQLError(`The ${subgraph} service is unavailable.`, {
            extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
          }),
        ],
      };
    }
  };
  return executor as Executor;
}

function toGraphQLError(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
}
