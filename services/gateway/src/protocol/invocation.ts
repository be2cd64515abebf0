import type { GraphQLFormattedError } from 'graphql';
import * as z from 'zod';
import { principalSchema } from './principal.ts';

/** Largest operation the gateway forwards to a subgraph; the client-facing limit is far lower. */
const MAX_SUBGRAPH_QUERY_LENGTH = 256 * 1024;

/**
 * The payload the gateway sends when it invokes a subgraph Lambda (Invoke API, IAM-authorized).
 *
 * A subgraph trusts `principal` without re-verifying a token: its resource policy lets only the
 * gateway's execution role invoke it, and the gateway builds the principal from the authorizer's
 * verified context. A subgraph must never be exposed any other way (no URL, no API route).
 */
export const subgraphInvocationSchema = z.object({
  query: z.string().min(1).max(MAX_SUBGRAPH_QUERY_LENGTH),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().max(256).nullish(),
  principal: principalSchema,
  correlationId: z.string().min(1).max(128),
});

export type SubgraphInvocation = z.input<typeof subgraphInvocationSchema>;
export type ParsedSubgraphInvocation = z.output<typeof subgraphInvocationSchema>;

/** What a subgraph Lambda returns: a plain GraphQL result. */
export interface SubgraphResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}
