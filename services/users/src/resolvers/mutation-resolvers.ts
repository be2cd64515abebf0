import type { TenantRole } from '@stratum/data';
import { customerScope, ownerScope, type UsersContext } from '../context.ts';
import { displayNameArgument, emailArgument, tenantNameArgument, ulidArgument } from '../input.ts';

type Args = Record<string, unknown>;

export const mutationResolvers = {
  updateProfile: (_: unknown, args: Args, context: UsersContext) => {
    const displayName = displayNameArgument(args.displayName, 'displayName');
    return context.data.members.updateProfile(customerScope(context), { displayName });
  },

  renameTenant: async (_: unknown, args: Args, context: UsersContext) => {
    const name = tenantNameArgument(args.name, 'name');
    return context.data.tenants.rename(await ownerScope(context), name);
  },

  /** `role` arrives as the internal enum value ('owner' | 'member'), see type-resolvers.ts. */
  inviteMember: async (_: unknown, args: { email?: unknown; role: TenantRole }, context: UsersContext) => {
    const email = emailArgument(args.email, 'email');
    return context.data.invitations.create(await ownerScope(context), { email, role: args.role });
  },

  revokeInvitation: async (_: unknown, args: Args, context: UsersContext) => {
    const invitationId = ulidArgument(args.id, 'id');
    return context.data.invitations.revoke(await ownerScope(context), invitationId);
  },
};
