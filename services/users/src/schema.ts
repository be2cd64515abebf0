import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';
import { typeDefsSource } from '../generated/type-defs.ts';
import type { UsersContext } from './context.ts';
import { deviceMutationResolvers } from './resolvers/device-mutation-resolvers.ts';
import { mutationResolvers } from './resolvers/mutation-resolvers.ts';
import { queryResolvers } from './resolvers/query-resolvers.ts';
import { staffQueryResolvers } from './resolvers/staff-query-resolvers.ts';
import { typeResolvers } from './resolvers/type-resolvers.ts';

const resolvers = {
  Query: { ...queryResolvers, ...staffQueryResolvers },
  Mutation: { ...mutationResolvers, ...deviceMutationResolvers },
  ...typeResolvers,
} as GraphQLResolverMap<UsersContext>;

/**
 * The executable users subgraph, built once per cold start from `schema.graphql` (embedded as
 * a string by `scripts/compose-supergraph.ts`, so the bundle needs no file beside it).
 */
export const usersSchema: GraphQLSchema = buildSubgraphSchema([
  { typeDefs: parse(typeDefsSource), resolvers },
]);
