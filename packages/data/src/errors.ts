/**
 * The data layer's error hierarchy. Callers map these at the edge (GraphQL errors, HTTP codes);
 * every class carries the data needed to explain the failure, never another tenant's data.
 */
export class DataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Base of the not-found errors: absent, or present only in another tenant (indistinguishable). */
export class NotFoundError extends DataError {}

export class TodoNotFoundError extends NotFoundError {
  constructor(readonly todoId: string) {
    super(`Todo ${todoId} not found`);
  }
}

export class TenantNotFoundError extends NotFoundError {
  constructor(readonly tenantId: string) {
    super(`Tenant ${tenantId} not found`);
  }
}

export class MemberNotFoundError extends NotFoundError {
  constructor(readonly userId: string) {
    super(`Member ${userId} not found`);
  }
}

export class InvitationNotFoundError extends NotFoundError {
  constructor(readonly invitationId: string) {
    super(`Invitation ${invitationId} not found`);
  }
}

/** A write named a version that is no longer the stored one: re-read, merge, retry. */
export class VersionConflictError extends DataError {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`${entity} ${id} is at version ${actualVersion}, not the expected ${expectedVersion}`);
  }
}

/** The invitation cannot make this transition (not pending, expired, or already a member). */
export class InvitationStateError extends DataError {
  constructor(
    readonly invitationId: string,
    readonly reason: 'not-pending' | 'expired' | 'already-member',
    options?: { cause?: unknown },
  ) {
    super(`Invitation ${invitationId} cannot be used: ${reason}`, options);
  }
}

/** `createWithOwner` for a tenant id that is taken. */
export class TenantAlreadyExistsError extends DataError {
  constructor(readonly tenantId: string) {
    super(`Tenant ${tenantId} already exists`);
  }
}

/** Input rejected at the repository boundary; `field` names the offending input path. */
export class DataValidationError extends DataError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid ${field}: ${reason}`);
  }
}
