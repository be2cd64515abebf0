import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import * as z from 'zod';
import { isConditionalCheckFailure } from '../conditional-failure.ts';
import type { MarkerEntity } from '../entities/marker-entity.ts';
import type { MarkerRepository } from '../event-data-contract.ts';
import { markerIdSchema } from '../event-data-validation.ts';
import { idSchema, parseInput } from '../validation.ts';

const markerKeySchema = z.object({ tenantId: idSchema, markerId: markerIdSchema });

export function createMarkerRepository(markers: MarkerEntity, now: () => Date): MarkerRepository {
  return {
    async claim(tenantId, markerId, expiresAt) {
      const key = parseInput(markerKeySchema, { tenantId, markerId }, 'marker');
      try {
        await markers
          .build(PutItemCommand)
          .item({ ...key, createdAt: now().toISOString(), ttl: Math.ceil(expiresAt.getTime() / 1000) })
          .options({ condition: { attr: 'markerId', exists: false } })
          .send();
        return true;
      } catch (error) {
        if (isConditionalCheckFailure(error)) return false;
        throw error;
      }
    },

    async release(tenantId, markerId) {
      const key = parseInput(markerKeySchema, { tenantId, markerId }, 'marker');
      await markers.build(DeleteItemCommand).key(key).send();
    },
  };
}
