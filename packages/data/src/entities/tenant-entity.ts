import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { GSI1, SK, tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';

const tenantSchema = item({
  tenantId: string().key(),
  name: string(),
  createdAt: string(),
}).and((schema) => ({
  gsi1pk: string().link<typeof schema>(() => GSI1.allTenants),
  gsi1sk: string().link<typeof schema>(({ createdAt, tenantId }) => GSI1.tenantSort(createdAt, tenantId)),
}));

/** Tenant: `T#<tenant>` / `TENANT`; every tenant on gsi1 `TENANTS` for the staff list. */
export function createTenantEntity(table: StratumTable) {
  return new Entity({
    name: 'tenant',
    table,
    schema: tenantSchema,
    timestamps: false,
    computeKey: ({ tenantId }) => ({ pk: tenantPartition(tenantId), sk: SK.tenant }),
  });
}

export type TenantEntity = ReturnType<typeof createTenantEntity>;
