import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';
import { typeDefsSource } from '../generated/type-defs.ts';
import type { OperationsContext } from './context.ts';
import { mutationResolvers, queryResolvers } from './resolvers/dead-letter-resolvers.ts';

const resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
} as GraphQLResolverMap<OperationsContext>;

/**
 * The executable operations subgraph, built once per cold start from `schema.graphql` (embedded
 * as a string by `scripts/compose-supergraph.ts`, so the bundle needs no file beside it).
 */
export const operationsSchema: GraphQLSchema = buildSubgraphSchema([
  { typeDefs: parse(typeDefsSource), resolvers },
]);
