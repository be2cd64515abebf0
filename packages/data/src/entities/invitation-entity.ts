import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { GSI2, SK, tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';

const invitationSchema = item({
  tenantId: string().key(),
  invitationId: string().key(),
  email: string(),
  role: string().enum('owner', 'member'),
  invitedBy: string(),
  status: string().enum('pending', 'accepted', 'revoked'),
  createdAt: string(),
  expiresAt: string(),
  /** Epoch seconds of `expiresAt`: DynamoDB's TTL deletes the item some time after. */
  ttl: number(),
}).and((schema) => ({
  gsi2pk: string().link<typeof schema>(({ email }) => GSI2.email(email)),
  gsi2sk: string().link<typeof schema>(({ status, expiresAt, tenantId, invitationId }) =>
    GSI2.invitationByEmail(status, expiresAt, tenantId, invitationId),
  ),
}));

/**
 * Invitation: `T#<tenant>` / `INVITE#<ulid>`; on gsi2 under the e-mail, sorted by
 * status then expiry, so "pending and unexpired" is one key-condition range.
 */
export function createInvitationEntity(table: StratumTable) {
  return new Entity({
    name: 'invitation',
    table,
    schema: invitationSchema,
    timestamps: false,
    computeKey: ({ tenantId, invitationId }) => ({
      pk: tenantPartition(tenantId),
      sk: SK.invitation(invitationId),
    }),
  });
}

export type InvitationEntity = ReturnType<typeof createInvitationEntity>;
