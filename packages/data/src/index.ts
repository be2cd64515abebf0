export type * from './contract.ts';
export { createDataStore, type DataStoreOptions } from './create-data-store.ts';
export { decodeCursor, encodeCursor } from './cursor.ts';
export {
  DataError,
  DataValidationError,
  InvitationNotFoundError,
  InvitationStateError,
  MemberNotFoundError,
  NotFoundError,
  TenantAlreadyExistsError,
  TenantNotFoundError,
  TodoNotFoundError,
  VersionConflictError,
} from './errors.ts';
export { INVITATION_LIFETIME_MS } from './repositories/invitation-repository.ts';
export { TABLE_SCHEMA } from './table-schema.ts';
