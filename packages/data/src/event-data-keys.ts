/**
 * Keys of the items that the asynchronous side writes (analytics, markers, devices). Tenant
 * items stay under `T#<tenantId>` like every other tenant item (see `keys.ts`); devices belong to
 * a user, whatever tenant they act in, so they live under the user.
 */
export const STATS_SK = {
  total: 'STATS#TOTAL',
  day: (day: string) => `STATS#DAY#${day}`,
  dayPrefix: 'STATS#DAY#',
} as const;

export const MARKER_SK = (markerId: string) => `MARK#${markerId}`;

export const userPartition = (userId: string): string => `USER#${userId}`;
export const DEVICE_SK = (deviceId: string) => `DEVICE#${deviceId}`;
export const DEVICE_SK_PREFIX = 'DEVICE#';
