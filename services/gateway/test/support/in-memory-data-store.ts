import type {
  DataStore,
  Invitation,
  Member,
  NewTodo,
  Page,
  Tenant,
  TenantRole,
  TenantScope,
  Todo,
  TodoPatch,
  TodoQuery,
  TodoStatus,
} from '@stratum/data';
import {
  DataValidationError,
  InvitationNotFoundError,
  InvitationStateError,
  MemberNotFoundError,
  TenantNotFoundError,
  TodoNotFoundError,
  VersionConflictError,
} from '@stratum/data';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Sortable, ULID-shaped ids (26 Crockford base-32 characters) from a counter. */
function idGenerator(): () => string {
  let counter = 0;
  return () => {
    let value = ++counter;
    let text = '';
    for (let i = 0; i < 10; i++) {
      text = (CROCKFORD[value % 32] ?? '0') + text;
      value = Math.floor(value / 32);
    }
    return `01JZ${'0'.repeat(12)}${text}`;
  };
}

function paginate<T>(items: readonly T[], query: { limit?: number; cursor?: string } = {}): Page<T> {
  const limit = query.limit ?? 20;
  let start = 0;
  if (query.cursor !== undefined) {
    start = Number.parseInt(Buffer.from(query.cursor, 'base64url').toString('utf8'), 10);
    if (!Number.isInteger(start) || start < 0)
      throw new DataValidationError('cursor', 'not a cursor returned by this API');
  }
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
  return { items: slice, nextCursor: next };
}

/**
 * An in-memory DataStore that scopes every read and write by tenant exactly as the contract
 * says: an item of another tenant is indistinguishable from a missing one. It throws the real
 * error classes of `@stratum/data`, so the subgraphs' error mapping is exercised as in production.
 */
export class InMemoryDataStore implements DataStore {
  readonly tenantsById = new Map<string, Tenant>();
  readonly membersByTenant = new Map<string, Map<string, Member>>();
  readonly todosByTenant = new Map<string, Map<string, Todo>>();
  readonly invitationsByTenant = new Map<string, Map<string, Invitation>>();
  private readonly nextId = idGenerator();
  private clock = Date.parse('2026-01-01T00:00:00.000Z');

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private bucket<T>(map: Map<string, Map<string, T>>, tenantId: string): Map<string, T> {
    let inner = map.get(tenantId);
    if (!inner) {
      inner = new Map();
      map.set(tenantId, inner);
    }
    return inner;
  }

  /** Test seeding: a tenant with an owner, then more members. */
  seedTenant(
    tenantId: string,
    name: string,
    members: readonly Omit<Member, 'tenantId' | 'joinedAt'>[],
  ): void {
    this.tenantsById.set(tenantId, { tenantId, name, createdAt: this.now() });
    for (const member of members) {
      this.bucket(this.membersByTenant, tenantId).set(member.userId, {
        ...member,
        tenantId,
        joinedAt: this.now(),
      });
    }
  }

  readonly todos = {
    create: async (scope: TenantScope, input: NewTodo): Promise<Todo> => {
      const now = this.now();
      const todo: Todo = {
        tenantId: scope.tenantId,
        todoId: this.nextId(),
        title: input.title,
        notes: input.notes ?? null,
        status: 'open',
        dueDate: input.dueDate ?? null,
        tags: [...(input.tags ?? [])],
        createdBy: scope.userId,
        createdAt: now,
        updatedAt: now,
        completedAt: null,
        version: 1,
      };
      this.bucket(this.todosByTenant, scope.tenantId).set(todo.todoId, todo);
      return todo;
    },
    get: async (scope: TenantScope, todoId: string): Promise<Todo> => {
      const todo = this.todosByTenant.get(scope.tenantId)?.get(todoId);
      if (!todo) throw new TodoNotFoundError(todoId);
      return todo;
    },
    list: async (scope: TenantScope, query: TodoQuery = {}): Promise<Page<Todo>> => {
      const all = [...(this.todosByTenant.get(scope.tenantId)?.values() ?? [])].filter(
        (todo) =>
          (!query.status || todo.status === query.status) &&
          (!query.dueFrom || (todo.dueDate !== null && todo.dueDate >= query.dueFrom)) &&
          (!query.dueTo || (todo.dueDate !== null && todo.dueDate <= query.dueTo)),
      );
      return paginate(all, query);
    },
    update: async (scope: TenantScope, todoId: string, patch: TodoPatch, expectedVersion: number) => {
      const todo = await this.todos.get(scope, todoId);
      if (todo.version !== expectedVersion) {
        throw new VersionConflictError('Todo', todoId, expectedVersion, todo.version);
      }
      const updated: Todo = { ...todo, ...patch, version: todo.version + 1, updatedAt: this.now() };
      this.bucket(this.todosByTenant, scope.tenantId).set(todoId, updated);
      return updated;
    },
    setStatus: async (scope: TenantScope, todoId: string, status: TodoStatus, expectedVersion?: number) => {
      const todo = await this.todos.get(scope, todoId);
      if (expectedVersion !== undefined && todo.version !== expectedVersion) {
        throw new VersionConflictError('Todo', todoId, expectedVersion, todo.version);
      }
      const now = this.now();
      const updated: Todo = {
        ...todo,
        status,
        completedAt: status === 'done' ? now : null,
        version: todo.version + 1,
        updatedAt: now,
      };
      this.bucket(this.todosByTenant, scope.tenantId).set(todoId, updated);
      return updated;
    },
    delete: async (scope: TenantScope, todoId: string): Promise<void> => {
      await this.todos.get(scope, todoId);
      this.todosByTenant.get(scope.tenantId)?.delete(todoId);
    },
  };

  readonly tenants = {
    createWithOwner: async (input: {
      tenantId: string;
      name: string;
      owner: { userId: string; email: string; displayName: string };
    }) => {
      this.seedTenant(input.tenantId, input.name, [{ ...input.owner, role: 'owner' }]);
      const tenant = this.tenantsById.get(input.tenantId) as Tenant;
      const owner = this.membersByTenant.get(input.tenantId)?.get(input.owner.userId) as Member;
      return { tenant, owner };
    },
    get: async (scope: TenantScope): Promise<Tenant> => {
      const tenant = this.tenantsById.get(scope.tenantId);
      if (!tenant) throw new TenantNotFoundError(scope.tenantId);
      return tenant;
    },
    rename: async (scope: TenantScope, name: string): Promise<Tenant> => {
      const renamed = { ...(await this.tenants.get(scope)), name };
      this.tenantsById.set(scope.tenantId, renamed);
      return renamed;
    },
    listAll: async (query?: { limit?: number; cursor?: string }) =>
      paginate([...this.tenantsById.values()], query),
  };

  readonly members = {
    get: async (scope: TenantScope, userId: string): Promise<Member> => {
      const member = this.membersByTenant.get(scope.tenantId)?.get(userId);
      if (!member) throw new MemberNotFoundError(userId);
      return member;
    },
    list: async (scope: TenantScope, query?: { limit?: number; cursor?: string }) =>
      paginate([...(this.membersByTenant.get(scope.tenantId)?.values() ?? [])], query),
    updateProfile: async (scope: TenantScope, patch: { displayName: string }): Promise<Member> => {
      const updated = { ...(await this.members.get(scope, scope.userId)), ...patch };
      this.bucket(this.membersByTenant, scope.tenantId).set(scope.userId, updated);
      return updated;
    },
    findByEmail: async (email: string): Promise<Member | null> => {
      for (const members of this.membersByTenant.values()) {
        for (const member of members.values()) if (member.email === email) return member;
      }
      return null;
    },
    findByUserId: async (userId: string): Promise<Member | null> => {
      for (const members of this.membersByTenant.values()) {
        const member = members.get(userId);
        if (member) return member;
      }
      return null;
    },
  };

  readonly invitations = {
    create: async (scope: TenantScope, input: { email: string; role: TenantRole }): Promise<Invitation> => {
      const createdAt = this.now();
      const invitation: Invitation = {
        tenantId: scope.tenantId,
        invitationId: this.nextId(),
        email: input.email,
        role: input.role,
        invitedBy: scope.userId,
        status: 'pending',
        createdAt,
        expiresAt: new Date(Date.parse(createdAt) + 7 * 86_400_000).toISOString(),
      };
      this.bucket(this.invitationsByTenant, scope.tenantId).set(invitation.invitationId, invitation);
      return invitation;
    },
    list: async (scope: TenantScope, query?: { status?: Invitation['status'] }) =>
      [...(this.invitationsByTenant.get(scope.tenantId)?.values() ?? [])].filter(
        (invitation) => !query?.status || invitation.status === query.status,
      ),
    revoke: async (scope: TenantScope, invitationId: string): Promise<Invitation> => {
      const invitation = this.invitationsByTenant.get(scope.tenantId)?.get(invitationId);
      if (!invitation) throw new InvitationNotFoundError(invitationId);
      if (invitation.status !== 'pending') {
        throw new InvitationStateError(invitationId, 'not-pending');
      }
      const revoked: Invitation = { ...invitation, status: 'revoked' };
      this.bucket(this.invitationsByTenant, scope.tenantId).set(invitationId, revoked);
      return revoked;
    },
    findPendingByEmail: async (email: string): Promise<Invitation | null> => {
      for (const invitations of this.invitationsByTenant.values()) {
        for (const invitation of invitations.values()) {
          if (invitation.email === email && invitation.status === 'pending') return invitation;
        }
      }
      return null;
    },
    accept: async (invitation: Invitation, user: { userId: string; email: string; displayName: string }) => {
      const scope = { tenantId: invitation.tenantId, userId: user.userId };
      this.bucket(this.invitationsByTenant, invitation.tenantId).set(invitation.invitationId, {
        ...invitation,
        status: 'accepted',
      });
      const member: Member = {
        ...user,
        tenantId: scope.tenantId,
        role: invitation.role,
        joinedAt: this.now(),
      };
      this.bucket(this.membersByTenant, scope.tenantId).set(user.userId, member);
      return member;
    },
  };
}
