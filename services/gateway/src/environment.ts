import { readEnvironment } from '@stratum/runtime';
import * as z from 'zod';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

const gatewayEnvironmentSchema = z.object({
  /** Function name (or ARN) of each subgraph, keyed by the subgraph name in the supergraph. */
  SUBGRAPH_USERS_FUNCTION: z.string().min(1),
  SUBGRAPH_TODO_FUNCTION: z.string().min(1),
  /**
   * Optional while a stage runs without the media stack: the media fields then answer
   * `SUBGRAPH_UNAVAILABLE` and the rest of each operation is still served.
   */
  SUBGRAPH_MEDIA_FUNCTION: z.string().min(1).optional(),
  /** Optional likewise: without it the staff operations fields answer `SUBGRAPH_UNAVAILABLE`. */
  SUBGRAPH_OPERATIONS_FUNCTION: z.string().min(1).optional(),
  /** Client-side cap on one subgraph invocation; keep it below the gateway's own timeout. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Production default: unexpected errors are masked and introspection is off. */
  MASK_ERRORS: flag('true'),
  /** Serves GraphiQL on GET /graphql; for local and dev stages only. */
  GRAPHIQL: flag('false'),
});

export type GatewayEnvironment = z.output<typeof gatewayEnvironmentSchema>;

export function readGatewayEnvironment(source: NodeJS.ProcessEnv = process.env): GatewayEnvironment {
  return readEnvironment(gatewayEnvironmentSchema, source);
}

export function subgraphFunctionNames(environment: GatewayEnvironment): Record<string, string> {
  return {
    users: environment.SUBGRAPH_USERS_FUNCTION,
    todo: environment.SUBGRAPH_TODO_FUNCTION,
    ...(environment.SUBGRAPH_MEDIA_FUNCTION ? { media: environment.SUBGRAPH_MEDIA_FUNCTION } : {}),
    ...(environment.SUBGRAPH_OPERATIONS_FUNCTION
      ? { operations: environment.SUBGRAPH_OPERATIONS_FUNCTION }
      : {}),
  };
}
