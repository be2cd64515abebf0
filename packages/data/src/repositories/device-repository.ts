import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { DeviceEntity } from '../entities/device-entity.ts';
import type { Device, DeviceRepository } from '../event-data-contract.ts';
import { DEVICE_SK_PREFIX, userPartition } from '../event-data-keys.ts';
import { deviceSchema } from '../event-data-validation.ts';
import type { StratumTable } from '../stratum-table.ts';
import { idSchema, parseInput } from '../validation.ts';

const toDevice = ({ userId, deviceId, platform, endpointArn, registeredAt }: Device): Device => ({
  userId,
  deviceId,
  platform,
  endpointArn,
  registeredAt,
});

export function createDeviceRepository(
  table: StratumTable,
  devices: DeviceEntity,
  now: () => Date,
): DeviceRepository {
  return {
    async register(input) {
      const device: Device = {
        ...parseInput(deviceSchema, input, 'device'),
        registeredAt: now().toISOString(),
      };
      await devices.build(PutItemCommand).item(device).send();
      return device;
    },

    async list(userIdInput) {
      const userId = parseInput(idSchema, userIdInput, 'userId');
      // A user has a handful of devices: read them all.
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(devices)
        .query({ partition: userPartition(userId), range: { beginsWith: DEVICE_SK_PREFIX } })
        .options({ maxPages: Number.POSITIVE_INFINITY })
        .send();
      return Items.map(toDevice);
    },

    async remove(userIdInput, deviceIdInput) {
      const userId = parseInput(idSchema, userIdInput, 'userId');
      const deviceId = parseInput(idSchema, deviceIdInput, 'deviceId');
      await devices.build(DeleteItemCommand).key({ userId, deviceId }).send();
    },
  };
}
