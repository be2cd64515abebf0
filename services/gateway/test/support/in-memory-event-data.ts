import {
  ANALYTICS_COUNTERS,
  type AnalyticsCounter,
  type AnalyticsRepository,
  type DailyCounters,
  type Device,
  type DeviceRepository,
  type TenantCounters,
} from '@stratum/data';

const zeros = (): Record<AnalyticsCounter, number> =>
  Object.fromEntries(ANALYTICS_COUNTERS.map((name) => [name, 0])) as Record<AnalyticsCounter, number>;

/**
 * The event-side repositories the users subgraph uses (analytics reads, push devices), in memory.
 * `tenantAnalytics` returns every day of the range like the DynamoDB one; its input rules are
 * tested there (packages/data), so this fake only records what it was asked.
 */
export class InMemoryEventData {
  readonly countsByTenant = new Map<
    string,
    { totals: Record<AnalyticsCounter, number>; days: Map<string, Record<AnalyticsCounter, number>> }
  >();
  readonly devicesByUser = new Map<string, Map<string, Device>>();
  readonly analyticsCalls: { tenantId: string; fromDay: string; toDay: string }[] = [];
  private clock = Date.parse('2026-01-01T00:00:00.000Z');

  /** Test seeding: `count` events of `counter` on `day` for the tenant. */
  seedCount(tenantId: string, day: string, counter: AnalyticsCounter, count: number): void {
    const tenant = this.countsByTenant.get(tenantId) ?? { totals: zeros(), days: new Map() };
    const daily = tenant.days.get(day) ?? zeros();
    daily[counter] += count;
    tenant.totals[counter] += count;
    tenant.days.set(day, daily);
    this.countsByTenant.set(tenantId, tenant);
  }

  readonly analytics: AnalyticsRepository = {
    count: async () => {
      throw new Error('The users subgraph never counts events');
    },
    tenantAnalytics: async (tenantId, fromDay, toDay) => {
      this.analyticsCalls.push({ tenantId, fromDay, toDay });
      const tenant = this.countsByTenant.get(tenantId);
      const days: DailyCounters[] = [];
      for (let time = Date.parse(fromDay); time <= Date.parse(toDay); time += 86_400_000) {
        const day = new Date(time).toISOString().slice(0, 10);
        days.push({ day, ...(tenant?.days.get(day) ?? zeros()) });
      }
      const totals: TenantCounters = { ...(tenant?.totals ?? zeros()) };
      return { tenantId, totals, days };
    },
  };

  readonly devices: DeviceRepository = {
    register: async (input) => {
      this.clock += 1000;
      const device: Device = { ...input, registeredAt: new Date(this.clock).toISOString() };
      const devices = this.devicesByUser.get(input.userId) ?? new Map<string, Device>();
      devices.set(input.deviceId, device);
      this.devicesByUser.set(input.userId, devices);
      return device;
    },
    list: async (userId) => [...(this.devicesByUser.get(userId)?.values() ?? [])],
    remove: async (userId, deviceId) => {
      this.devicesByUser.get(userId)?.delete(deviceId);
    },
  };
}
