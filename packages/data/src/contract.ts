/**
 * The data-layer contract the subgraphs code against. Every operation takes the caller's
 * tenant scope first: there is no way to address an item without its tenant, because every
 * key of the single table starts with the tenant id.
 */

/** The identity a request acts for. Comes from the verified token, never from client input. */
export interface TenantScope {
  readonly tenantId: string;
  readonly userId: string;
}

export type TenantRole = 'owner' | 'member';
export type TodoStatus = 'open' | 'done';

export interface Tenant {
  readonly tenantId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface Member {
  readonly tenantId: string;
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: TenantRole;
  readonly joinedAt: string;
}

export interface Invitation {
  readonly tenantId: string;
  readonly invitationId: string;
  readonly email: string;
  readonly role: TenantRole;
  readonly invitedBy: string;
  readonly status: 'pending' | 'accepted' | 'revoked';
  readonly createdAt: string;
  /** ISO time after which the invitation cannot be accepted; also drives the TTL. */
  readonly expiresAt: string;
}

export interface Todo {
  readonly tenantId: string;
  readonly todoId: string;
  readonly title: string;
  readonly notes: string | null;
  readonly status: TodoStatus;
  /** ISO date (YYYY-MM-DD) or null. */
  readonly dueDate: string | null;
  readonly tags: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly completedAt: string | null;
  /** Incremented on every write; updates must name the version they read. */
  readonly version: number;
}

export interface NewTodo {
  readonly title: string;
  readonly notes?: string | null;
  readonly dueDate?: string | null;
  readonly tags?: readonly string[];
}

export interface TodoPatch {
  readonly title?: string;
  readonly notes?: string | null;
  readonly dueDate?: string | null;
  readonly tags?: readonly string[];
}

export interface TodoQuery {
  readonly status?: TodoStatus;
  /** Inclusive bounds on the due date (YYYY-MM-DD). */
  readonly dueFrom?: string;
  readonly dueTo?: string;
  /** 1-100, default 20. */
  readonly limit?: number;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Null on the last page. */
  readonly nextCursor: string | null;
}

export interface TodoRepository {
  create(scope: TenantScope, input: NewTodo): Promise<Todo>;
  /** Throws TodoNotFoundError when absent in this tenant. */
  get(scope: TenantScope, todoId: string): Promise<Todo>;
  list(scope: TenantScope, query?: TodoQuery): Promise<Page<Todo>>;
  /** Throws VersionConflictError when `expectedVersion` is not the stored version. */
  update(scope: TenantScope, todoId: string, patch: TodoPatch, expectedVersion: number): Promise<Todo>;
  setStatus(scope: TenantScope, todoId: string, status: TodoStatus, expectedVersion?: number): Promise<Todo>;
  /** Throws TodoNotFoundError when absent in this tenant. */
  delete(scope: TenantScope, todoId: string): Promise<void>;
}

export interface TenantRepository {
  /** Creates a tenant with its first member as owner, in one transaction. */
  createWithOwner(input: {
    tenantId: string;
    name: string;
    owner: { userId: string; email: string; displayName: string };
  }): Promise<{ tenant: Tenant; owner: Member }>;
  get(scope: TenantScope): Promise<Tenant>;
  rename(scope: TenantScope, name: string): Promise<Tenant>;
  /** Staff only: every tenant, paginated. */
  listAll(query?: { limit?: number; cursor?: string }): Promise<Page<Tenant>>;
}

export interface MemberRepository {
  /** Throws MemberNotFoundError. */
  get(scope: TenantScope, userId: string): Promise<Member>;
  list(scope: TenantScope, query?: { limit?: number; cursor?: string }): Promise<Page<Member>>;
  updateProfile(scope: TenantScope, patch: { displayName: string }): Promise<Member>;
  /** Staff only: find the membership of a user by e-mail across tenants (GSI). */
  findByEmail(email: string): Promise<Member | null>;
  /** Staff only: the membership of a user by user id (the Cognito `sub`) across tenants (GSI). */
  findByUserId(userId: string): Promise<Member | null>;
}

export interface InvitationRepository {
  /** Owners only (checked by the caller's role in the domain layer). */
  create(scope: TenantScope, input: { email: string; role: TenantRole }): Promise<Invitation>;
  list(scope: TenantScope, query?: { status?: Invitation['status'] }): Promise<readonly Invitation[]>;
  revoke(scope: TenantScope, invitationId: string): Promise<Invitation>;
  /** The pending, unexpired invitation for an e-mail, across tenants (GSI); used at sign-up. */
  findPendingByEmail(email: string): Promise<Invitation | null>;
  /** Marks the invitation accepted and adds the member, in one transaction. */
  accept(
    invitation: Invitation,
    user: { userId: string; email: string; displayName: string },
  ): Promise<Member>;
}

export interface DataStore {
  readonly todos: TodoRepository;
  readonly tenants: TenantRepository;
  readonly members: MemberRepository;
  readonly invitations: InvitationRepository;
}
