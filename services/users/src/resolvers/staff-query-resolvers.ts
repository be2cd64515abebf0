import { type Member, type Tenant, type TenantAnalytics, TenantNotFoundError } from '@stratum/data';
import { assertStaff, type UsersContext } from '../context.ts';
import { dayRangeArguments, emailArgument, keyIdArgument, pageArguments } from '../input.ts';
import { type Connection, toConnection } from './connection.ts';

type Args = Record<string, unknown>;

/**
 * The staff app's reads. Each checks the principal first, so a customer learns nothing, not even
 * whether its arguments were valid. Staff act under their own user id when a tenant read needs a scope.
 */
export const staffQueryResolvers = {
  tenants: async (_: unknown, args: Args, context: UsersContext): Promise<Connection<Tenant>> => {
    assertStaff(context);
    return toConnection(await context.data.tenants.listAll(pageArguments(args)));
  },

  tenantById: async (_: unknown, args: Args, context: UsersContext): Promise<Tenant | null> => {
    assertStaff(context);
    const tenantId = keyIdArgument(args.id, 'id');
    try {
      return await context.data.tenants.get({ tenantId, userId: context.principal.userId });
    } catch (error) {
      if (error instanceof TenantNotFoundError) return null;
      throw error;
    }
  },

  tenantAnalytics: (_: unknown, args: Args, context: UsersContext): Promise<TenantAnalytics> => {
    assertStaff(context);
    const tenantId = keyIdArgument(args.tenantId, 'tenantId');
    const { from, to } = dayRangeArguments(args);
    return context.analytics.tenantAnalytics(tenantId, from, to);
  },

  userByEmail: (_: unknown, args: Args, context: UsersContext): Promise<Member | null> => {
    assertStaff(context);
    return context.data.members.findByEmail(emailArgument(args.email, 'email'));
  },

  userById: (_: unknown, args: Args, context: UsersContext): Promise<Member | null> => {
    assertStaff(context);
    return context.data.members.findByUserId(keyIdArgument(args.id, 'id'));
  },
};
