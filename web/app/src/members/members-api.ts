import type { GraphqlClient } from '@stratum/web-shared';
import * as z from 'zod';

const roleSchema = z.enum(['OWNER', 'MEMBER']);
export type Role = z.infer<typeof roleSchema>;

export const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(['PENDING', 'ACCEPTED', 'REVOKED']),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

const MEMBER_FIELDS = 'id email displayName role joinedAt';
const INVITATION_FIELDS = 'id email role status createdAt expiresAt';

export interface Team {
  readonly me: Member;
  readonly tenantName: string;
  readonly members: readonly Member[];
  readonly hasMoreMembers: boolean;
  readonly invitations: readonly Invitation[];
}

export class MembersApi {
  constructor(private readonly api: GraphqlClient) {}

  /** The caller, their tenant, its first 100 members and its pending invitations, in one request. */
  async team(): Promise<Team> {
    const data = await this.api.request(
      `query Team {
        me { ${MEMBER_FIELDS} }
        tenant { name }
        members(first: 100) { edges { node { ${MEMBER_FIELDS} } } pageInfo { hasNextPage } }
        invitations(status: PENDING) { ${INVITATION_FIELDS} }
      }`,
      {},
      z.object({
        me: memberSchema,
        tenant: z.object({ name: z.string() }),
        members: z.object({
          edges: z.array(z.object({ node: memberSchema })),
          pageInfo: z.object({ hasNextPage: z.boolean() }),
        }),
        invitations: z.array(invitationSchema),
      }),
    );
    return {
      me: data.me,
      tenantName: data.tenant.name,
      members: data.members.edges.map((edge) => edge.node),
      hasMoreMembers: data.members.pageInfo.hasNextPage,
      invitations: data.invitations,
    };
  }

  async invite(email: string, role: Role): Promise<Invitation> {
    const data = await this.api.request(
      `mutation Invite($email: String!, $role: Role!) { inviteMember(email: $email, role: $role) { ${INVITATION_FIELDS} } }`,
      { email, role },
      z.object({ inviteMember: invitationSchema }),
    );
    return data.inviteMember;
  }

  async revoke(id: string): Promise<Invitation> {
    const data = await this.api.request(
      `mutation Revoke($id: ID!) { revokeInvitation(id: $id) { ${INVITATION_FIELDS} } }`,
      { id },
      z.object({ revokeInvitation: invitationSchema }),
    );
    return data.revokeInvitation;
  }
}
