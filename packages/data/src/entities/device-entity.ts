import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { DEVICE_SK, userPartition } from '../event-data-keys.ts';
import type { StratumTable } from '../stratum-table.ts';

const deviceSchema = item({
  userId: string().key(),
  deviceId: string().key(),
  platform: string().enum('APNS', 'APNS_SANDBOX', 'GCM'),
  endpointArn: string(),
  registeredAt: string(),
});

/** Push device: `USER#<userId>` / `DEVICE#<deviceId>`; a user's devices are one query. */
export function createDeviceEntity(table: StratumTable) {
  return new Entity({
    name: 'device',
    table,
    schema: deviceSchema,
    timestamps: false,
    computeKey: ({ userId, deviceId }) => ({ pk: userPartition(userId), sk: DEVICE_SK(deviceId) }),
  });
}

export type DeviceEntity = ReturnType<typeof createDeviceEntity>;
