import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { STATS_SK } from '../event-data-keys.ts';
import { tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';

/** The period of a stats item: the running total, or one UTC day (YYYY-MM-DD). */
export const TOTAL_PERIOD = 'TOTAL';

const tenantStatsSchema = item({
  tenantId: string().key(),
  period: string().key(),
  // Counters are created by their first ADD: absent means zero.
  todosCreated: number().optional(),
  todosCompleted: number().optional(),
  todosDeleted: number().optional(),
  mediaUploaded: number().optional(),
  mediaProcessed: number().optional(),
  membersInvited: number().optional(),
  membersJoined: number().optional(),
});

/** Tenant stats: `T#<tenant>` / `STATS#TOTAL` and `STATS#DAY#<YYYY-MM-DD>` (a range query by day). */
export function createTenantStatsEntity(table: StratumTable) {
  return new Entity({
    name: 'tenantStats',
    table,
    schema: tenantStatsSchema,
    timestamps: false,
    computeKey: ({ tenantId, period }) => ({
      pk: tenantPartition(tenantId),
      sk: period === TOTAL_PERIOD ? STATS_SK.total : STATS_SK.day(period),
    }),
  });
}

export type TenantStatsEntity = ReturnType<typeof createTenantStatsEntity>;
