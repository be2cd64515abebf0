import type { Invitation, Member } from '@stratum/data';
import { assertStaff, customerScope, type UsersContext } from '../context.ts';
import { emailArgument, pageArguments } from '../input.ts';
import { toConnection } from './connection.ts';

type Args = Record<string, unknown>;

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

  tenants: async (_: unknown, args: Args, context: UsersContext) => {
    assertStaff(context);
    return toConnection(await context.data.tenants.listAll(pageArguments(args)));
  },

  userByEmail: (_: unknown, args: Args, context: UsersContext): Promise<Member | null> => {
    assertStaff(context);
    return context.data.members.findByEmail(emailArgument(args.email, 'email'));
  },
};
