import { type DataStore, NotFoundError } from '@stratum/data';

/** Who receives a notification, read from the table when the event is delivered. */
export interface Directory {
  /** Null when the tenant no longer exists. */
  tenantName(tenantId: string): Promise<string | null>;
  /** Null when the user is not (or no longer) a member of the tenant. */
  member(tenantId: string, userId: string): Promise<{ email: string; displayName: string } | null>;
}

/** The principal the function reads as; it only reads, and only what the event names. */
const SYSTEM_USER = 'notifications';

/** The Directory over `@stratum/data`'s repositories. */
export function dataStoreDirectory(dataStore: () => DataStore): Directory {
  const orNull = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  };
  return {
    async tenantName(tenantId) {
      const tenant = await orNull(() => dataStore().tenants.get({ tenantId, userId: SYSTEM_USER }));
      return tenant?.name ?? null;
    },
    async member(tenantId, userId) {
      const member = await orNull(() => dataStore().members.get({ tenantId, userId: SYSTEM_USER }, userId));
      return member ? { email: member.email, displayName: member.displayName } : null;
    },
  };
}
