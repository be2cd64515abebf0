/**
 * The data-layer contract of the event consumers: tenant analytics (counters and daily
 * aggregates), markers that make a consumer's work happen once, and users' push devices.
 */

/** The counters kept per tenant, in total and per UTC day. */
export const ANALYTICS_COUNTERS = [
  'todosCreated',
  'todosCompleted',
  'todosDeleted',
  'mediaUploaded',
  'mediaProcessed',
  'membersInvited',
  'membersJoined',
] as const;

export type AnalyticsCounter = (typeof ANALYTICS_COUNTERS)[number];
export type TenantCounters = Readonly<Record<AnalyticsCounter, number>>;

export interface DailyCounters extends TenantCounters {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
}

export interface TenantAnalytics {
  readonly tenantId: string;
  /** Since the tenant's first counted event. */
  readonly totals: TenantCounters;
  /** Every day of the requested range, oldest first; days without events are zeros. */
  readonly days: readonly DailyCounters[];
}

export interface CountedEvent {
  readonly tenantId: string;
  /** The domain event's id: the second event with the same id is not counted. */
  readonly eventId: string;
  /** ISO time; its UTC day is the daily aggregate that is incremented. */
  readonly occurredAt: string;
  readonly counter: AnalyticsCounter;
}

export interface AnalyticsRepository {
  /**
   * Counts the event once: one transaction writes a marker for `eventId` (conditional on its
   * absence) and increments the tenant's total and daily counter. Returns 'duplicate', writing
   * nothing, when the marker exists.
   */
  count(event: CountedEvent): Promise<'counted' | 'duplicate'>;
  /** Staff read: totals and every day in `[fromDay, toDay]` (UTC, at most 366 days). */
  tenantAnalytics(tenantId: string, fromDay: string, toDay: string): Promise<TenantAnalytics>;
}

export interface MarkerRepository {
  /** Writes the marker unless it exists; true when this call wrote it. */
  claim(tenantId: string, markerId: string, expiresAt: Date): Promise<boolean>;
  /** Deletes the marker, so that the work it guards can be tried again. */
  release(tenantId: string, markerId: string): Promise<void>;
}

export type PushPlatform = 'APNS' | 'APNS_SANDBOX' | 'GCM';

export interface Device {
  readonly userId: string;
  /** Chosen by the app, stable per installation. */
  readonly deviceId: string;
  readonly platform: PushPlatform;
  /** The SNS platform endpoint created for the device token. */
  readonly endpointArn: string;
  readonly registeredAt: string;
}

export interface DeviceRepository {
  /** Adds or replaces the user's device (a new token for the same installation replaces it). */
  register(input: Omit<Device, 'registeredAt'>): Promise<Device>;
  list(userId: string): Promise<readonly Device[]>;
  /** Removes the device; absent is fine (idempotent). */
  remove(userId: string, deviceId: string): Promise<void>;
}

export interface EventDataStore {
  readonly analytics: AnalyticsRepository;
  readonly markers: MarkerRepository;
  readonly devices: DeviceRepository;
}
