export type * from './contract.ts';
export { createDataStore, type DataStoreOptions } from './create-data-store.ts';
export { createEventDataStore, type EventDataStoreOptions } from './create-event-data-store.ts';
export { createMediaStore, type MediaStoreOptions } from './create-media-store.ts';
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
export {
  ANALYTICS_COUNTERS,
  type AnalyticsCounter,
  type AnalyticsRepository,
  type CountedEvent,
  type DailyCounters,
  type Device,
  type DeviceRepository,
  type EventDataStore,
  type MarkerRepository,
  type PushPlatform,
  type TenantAnalytics,
  type TenantCounters,
} from './event-data-contract.ts';
export { MAX_ANALYTICS_DAYS } from './event-data-validation.ts';
export type * from './media-contract.ts';
export { MediaNotFoundError } from './media-errors.ts';
export { MEDIA_OBJECT_KEYS, parseOriginalKey } from './media-object-keys.ts';
export { MEDIA_CONTENT_TYPES, type MediaKind, type MediaType, mediaTypeOf } from './media-types.ts';
export { INVITATION_LIFETIME_MS } from './repositories/invitation-repository.ts';
export { PENDING_MEDIA_LIFETIME_MS } from './repositories/media-repository.ts';
export { TABLE_SCHEMA } from './table-schema.ts';
