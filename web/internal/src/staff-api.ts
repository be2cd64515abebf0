import type { GraphqlClient } from '@stratum/web-shared';
import * as z from 'zod';

export const COUNTER_NAMES = [
  'todosCreated',
  'todosCompleted',
  'todosDeleted',
  'mediaUploaded',
  'mediaProcessed',
  'membersInvited',
  'membersJoined',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];

export const COUNTER_LABELS: Readonly<Record<CounterName, string>> = {
  todosCreated: 'Todos created',
  todosCompleted: 'Todos completed',
  todosDeleted: 'Todos deleted',
  mediaUploaded: 'Media uploaded',
  mediaProcessed: 'Media processed',
  membersInvited: 'Members invited',
  membersJoined: 'Members joined',
};

const countersSchema = z.object(
  Object.fromEntries(COUNTER_NAMES.map((name) => [name, z.number()])) as Record<CounterName, z.ZodNumber>,
);
export type Counters = z.infer<typeof countersSchema>;

const tenantSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type Tenant = z.infer<typeof tenantSchema>;

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['OWNER', 'MEMBER']),
  joinedAt: z.string(),
  tenant: tenantSchema,
});
export type StaffUserView = z.infer<typeof userSchema>;

export interface TenantAnalytics {
  readonly totals: Counters;
  readonly days: readonly ({ readonly day: string } & Counters)[];
}

const COUNTER_FIELDS = COUNTER_NAMES.join(' ');
const USER_FIELDS = 'id email displayName role joinedAt tenant { id name createdAt }';

/** Tenants per page of the list; the users subgraph validates the bound. */
const TENANTS_PAGE_SIZE = 50;

/** The staff-only queries of the users subgraph (the authorizer admits staff tokens to them only). */
export class StaffApi {
  constructor(private readonly api: GraphqlClient) {}

  async tenants(after: string | null): Promise<{ tenants: Tenant[]; next: string | null }> {
    const data = await this.api.request(
      `query Tenants($first: Int!, $after: String) {
        tenants(first: $first, after: $after) { edges { node { id name createdAt } } pageInfo { hasNextPage endCursor } }
      }`,
      { first: TENANTS_PAGE_SIZE, after },
      z.object({
        tenants: z.object({
          edges: z.array(z.object({ node: tenantSchema })),
          pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
        }),
      }),
    );
    const { edges, pageInfo } = data.tenants;
    return {
      tenants: edges.map((edge) => edge.node),
      next: pageInfo.hasNextPage ? pageInfo.endCursor : null,
    };
  }

  /** The tenant and its analytics for `[from, to]` (UTC days, YYYY-MM-DD). */
  async tenantWithAnalytics(
    tenantId: string,
    from: string,
    to: string,
  ): Promise<{ tenant: Tenant | null; analytics: TenantAnalytics }> {
    const data = await this.api.request(
      `query TenantAnalytics($id: ID!, $from: String!, $to: String!) {
        tenantById(id: $id) { id name createdAt }
        tenantAnalytics(tenantId: $id, from: $from, to: $to) {
          totals { ${COUNTER_FIELDS} }
          days { day counters { ${COUNTER_FIELDS} } }
        }
      }`,
      { id: tenantId, from, to },
      z.object({
        tenantById: tenantSchema.nullable(),
        tenantAnalytics: z.object({
          totals: countersSchema,
          days: z.array(z.object({ day: z.string(), counters: countersSchema })),
        }),
      }),
    );
    return {
      tenant: data.tenantById,
      analytics: {
        totals: data.tenantAnalytics.totals,
        days: data.tenantAnalytics.days.map((day) => ({ day: day.day, ...day.counters })),
      },
    };
  }

  /** By e-mail, or by user id (the sign-in `sub`) when the query has no `@`. */
  async findUser(query: string): Promise<StaffUserView | null> {
    if (query.includes('@')) {
      const data = await this.api.request(
        `query UserByEmail($email: String!) { userByEmail(email: $email) { ${USER_FIELDS} } }`,
        { email: query },
        z.object({ userByEmail: userSchema.nullable() }),
      );
      return data.userByEmail;
    }
    const data = await this.api.request(
      `query UserById($id: ID!) { userById(id: $id) { ${USER_FIELDS} } }`,
      { id: query },
      z.object({ userById: userSchema.nullable() }),
    );
    return data.userById;
  }
}
