/**
 * Every key of the single table, in one place. Each item of a tenant lives in partition
 * `T#<tenantId>`, and every GSI partition of tenant data starts with the same prefix, so no key
 * can be built without the tenant. Ids are validated (no `#`) before they reach these functions,
 * so a crafted id cannot step into another key space.
 */
export const tenantPartition = (tenantId: string): string => `T#${tenantId}`;

export const SK = {
  tenant: 'TENANT',
  member: (userId: string) => `MEMBER#${userId}`,
  invitation: (invitationId: string) => `INVITE#${invitationId}`,
  todo: (todoId: string) => `TODO#${todoId}`,
} as const;

export const SK_PREFIX = { member: 'MEMBER#', invitation: 'INVITE#', todo: 'TODO#' } as const;

/**
 * gsi1: todos of one status ordered by due date; the staff list of tenants; a user's
 * memberships (staff look-up by user id).
 */
export const GSI1 = {
  todosByStatus: (tenantId: string, status: string) => `T#${tenantId}#TODO#${status}`,
  allTenants: 'TENANTS',
  tenantSort: (createdAt: string, tenantId: string) => `${createdAt}#${tenantId}`,
  userMemberships: (userId: string) => `USER#${userId}`,
  membershipSort: (tenantId: string) => `MEMBER#${tenantId}`,
} as const;

/** gsi2: todos of every status ordered by due date; members and invitations by e-mail. */
export const GSI2 = {
  todosByDue: (tenantId: string) => `T#${tenantId}#TODO`,
  email: (email: string) => `EMAIL#${email}`,
  memberByEmail: (tenantId: string, userId: string) => `MEMBER#${tenantId}#${userId}`,
  invitationByEmail: (status: string, expiresAt: string, tenantId: string, invitationId: string) =>
    `INVITE#${status}#${expiresAt}#${tenantId}#${invitationId}`,
} as const;

/**
 * Sort key of a todo in the due-date indexes. Todos without a due date sort after every date
 * ('N' > '9'), so a due-date range never matches them and "by status" lists them last.
 */
export const dueSortKey = (dueDate: string | null | undefined, todoId: string): string =>
  `${dueDate ?? 'NONE'}#${todoId}`;

/** Inclusive due-date bounds as sort-key bounds: `~` sorts after any `#<ulid>` suffix. */
export function dueRange(dueFrom: string | undefined, dueTo: string | undefined): [string, string] {
  return [dueFrom ?? '0000-01-01', `${dueTo ?? '9999-12-31'}#~`];
}
