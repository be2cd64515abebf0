import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { transactionCancellationCodes } from '../conditional-failure.ts';
import type { MarkerEntity } from '../entities/marker-entity.ts';
import { type TenantStatsEntity, TOTAL_PERIOD } from '../entities/tenant-stats-entity.ts';
import { DataValidationError } from '../errors.ts';
import {
  ANALYTICS_COUNTERS,
  type AnalyticsRepository,
  type DailyCounters,
  type TenantCounters,
} from '../event-data-contract.ts';
import { STATS_SK } from '../event-data-keys.ts';
import { countedEventSchema, daySchema, MAX_ANALYTICS_DAYS } from '../event-data-validation.ts';
import { tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';
import { idSchema, parseInput } from '../validation.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

type StoredCounters = Partial<Record<(typeof ANALYTICS_COUNTERS)[number], number>>;

const countersOf = (stored: StoredCounters | undefined): TenantCounters =>
  Object.fromEntries(ANALYTICS_COUNTERS.map((name) => [name, stored?.[name] ?? 0])) as TenantCounters;

/** Every UTC day from `from` to `to`, inclusive. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

export interface AnalyticsRepositoryOptions {
  /** How long an event's marker lives; an event replayed later than this would count again. */
  readonly markerTtlSeconds: number;
  readonly now: () => Date;
}

export function createAnalyticsRepository(
  table: StratumTable,
  stats: TenantStatsEntity,
  markers: MarkerEntity,
  options: AnalyticsRepositoryOptions,
): AnalyticsRepository {
  return {
    async count(input) {
      const event = parseInput(countedEventSchema, input, 'event');
      const now = options.now();
      const increment = { [event.counter]: $add(1) };
      try {
        await execute(
          markers
            .build(PutTransaction)
            .item({
              tenantId: event.tenantId,
              markerId: `analytics#${event.eventId}`,
              createdAt: now.toISOString(),
              ttl: Math.ceil(now.getTime() / 1000) + options.markerTtlSeconds,
            })
            .options({ condition: { attr: 'markerId', exists: false } }),
          stats
            .build(UpdateTransaction)
            .item({ tenantId: event.tenantId, period: TOTAL_PERIOD, ...increment }),
          stats
            .build(UpdateTransaction)
            .item({ tenantId: event.tenantId, period: event.occurredAt.slice(0, 10), ...increment }),
        );
        return 'counted';
      } catch (error) {
        // Only the marker's condition can fail: this event id was counted before.
        if (transactionCancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return 'duplicate';
        throw error;
      }
    },

    async tenantAnalytics(tenantIdInput, fromInput, toInput) {
      const tenantId = parseInput(idSchema, tenantIdInput, 'tenantId');
      const fromDay = parseInput(daySchema, fromInput, 'fromDay');
      const toDay = parseInput(daySchema, toInput, 'toDay');
      if (fromDay > toDay) throw new DataValidationError('toDay', 'must not be before fromDay');
      const days = daysBetween(fromDay, toDay);
      if (days.length > MAX_ANALYTICS_DAYS) {
        throw new DataValidationError('toDay', `must be at most ${MAX_ANALYTICS_DAYS} days after fromDay`);
      }
      const [total, daily] = await Promise.all([
        stats.build(GetItemCommand).key({ tenantId, period: TOTAL_PERIOD }).send(),
        table
          .build(QueryCommand)
          .entities(stats)
          .query({
            partition: tenantPartition(tenantId),
            range: { between: [STATS_SK.day(fromDay), STATS_SK.day(toDay)] },
          })
          .options({ maxPages: Number.POSITIVE_INFINITY })
          .send(),
      ]);
      const stored = new Map((daily.Items ?? []).map((item) => [item.period, item]));
      return {
        tenantId,
        totals: countersOf(total.Item),
        days: days.map((day): DailyCounters => ({ day, ...countersOf(stored.get(day)) })),
      };
    },
  };
}
