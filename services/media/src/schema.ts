import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';
import { typeDefsSource } from '../generated/type-defs.ts';
import type { MediaContext } from './context.ts';
import { mutationResolvers } from './resolvers/mutation-resolvers.ts';
import { queryResolvers } from './resolvers/query-resolvers.ts';
import { typeResolvers } from './resolvers/type-resolvers.ts';

const resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  ...typeResolvers,
} as GraphQLResolverMap<MediaContext>;

/**
 * The executable media subgraph, built once per cold start from `schema.graphql` (embedded as
 * a string by `scripts/compose-supergraph.ts`, so the bundle needs no file beside it).
 */
export const mediaSchema: GraphQLSchema = buildSubgraphSchema([
  { typeDefs: parse(typeDefsSource), resolvers },
]);
