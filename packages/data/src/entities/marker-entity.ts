import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { MARKER_SK } from '../event-data-keys.ts';
import { tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';

const markerSchema = item({
  tenantId: string().key(),
  /** `<consumer>#<id>`, e.g. `analytics#<eventId>` or `due-soon#<todoId>#<dueDate>`. */
  markerId: string().key(),
  createdAt: string(),
  /** Epoch seconds: DynamoDB's TTL deletes the marker some time after. */
  ttl: number(),
});

/** Marker: `T#<tenant>` / `MARK#<consumer>#<id>`; its existence means "already done". */
export function createMarkerEntity(table: StratumTable) {
  return new Entity({
    name: 'marker',
    table,
    schema: markerSchema,
    timestamps: false,
    computeKey: ({ tenantId, markerId }) => ({ pk: tenantPartition(tenantId), sk: MARKER_SK(markerId) }),
  });
}

export type MarkerEntity = ReturnType<typeof createMarkerEntity>;
