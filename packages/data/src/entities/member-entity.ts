import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { GSI1, GSI2, SK, tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';

const memberSchema = item({
  tenantId: string().key(),
  userId: string().key(),
  email: string(),
  displayName: string(),
  role: string().enum('owner', 'member'),
  joinedAt: string(),
}).and((schema) => ({
  gsi1pk: string().link<typeof schema>(({ userId }) => GSI1.userMemberships(userId)),
  gsi1sk: string().link<typeof schema>(({ tenantId }) => GSI1.membershipSort(tenantId)),
  gsi2pk: string().link<typeof schema>(({ email }) => GSI2.email(email)),
  gsi2sk: string().link<typeof schema>(({ tenantId, userId }) => GSI2.memberByEmail(tenantId, userId)),
}));

/**
 * Member: `T#<tenant>` / `MEMBER#<userId>`; by user id across tenants on gsi1 (`USER#<userId>`),
 * by e-mail across tenants on gsi2.
 */
export function createMemberEntity(table: StratumTable) {
  return new Entity({
    name: 'member',
    table,
    schema: memberSchema,
    timestamps: false,
    computeKey: ({ tenantId, userId }) => ({ pk: tenantPartition(tenantId), sk: SK.member(userId) }),
  });
}

export type MemberEntity = ReturnType<typeof createMemberEntity>;
