import type { Invitation, Member } from '@stratum/data';
import { customerScope, type UsersContext } from '../context.ts';
import { pageArguments } from '../input.ts';
import { toConnection } from './connection.ts';

type Args = Record<string, unknown>;

/** The signed-in customer's reads, scoped to their tenant; staff reads are in staff-query-resolvers.ts. */
export const queryResolvers = {
  me: (_: unknown, __: Args, context: UsersContext): Promise<Member> => {
    const scope = customerScope(context);
    return context.data.members.get(scope, scope.userId);
  },

  tenant: (_: unknown, __: Args, context: UsersContext) => context.data.tenants.get(customerScope(context)),

  members: async (_: unknown, args: Args, context: UsersContext) => {
    const scope = customerScope(context);
    return toConnection(await context.data.members.list(scope, pageArguments(args)));
  },

  invitations: (_: unknown, args: { status?: Invitation['status'] | null }, context: UsersContext) => {
    const scope = customerScope(context);
    return context.data.invitations.list(scope, args.status ? { status: args.status } : {});
  },
};
