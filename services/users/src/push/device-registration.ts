import type { Device, DeviceRepository } from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import { PushNotConfiguredError } from '../errors.ts';
import type { PushService } from './push-service.ts';
import type { PushEndpoints } from './sns-push-endpoints.ts';

export interface DeviceRegistrationDependencies {
  readonly devices: DeviceRepository;
  /** Null when the stage has no push application. */
  readonly push: PushEndpoints | null;
  readonly logger: Observability['logger'];
}

export interface DeviceRegistration {
  readonly userId: string;
  readonly deviceId: string;
  readonly service: PushService;
  /** Already validated for `service` (see device-token.ts). */
  readonly token: string;
}

/** The push endpoints if the stage sends through `service`; PushNotConfiguredError otherwise. */
export function endpointsFor(push: PushEndpoints | null, service: PushService): PushEndpoints {
  if (!push || push.application.service !== service) throw new PushNotConfiguredError(service);
  return push;
}

/**
 * Registers a device: the SNS endpoint is created here, at registration, so that a stored device
 * always has a working `endpointArn` for the notifications service to publish to.
 * - A device whose token changed gets the new endpoint; the old one is deleted.
 * - A phone that was registered by another user (same token) is taken over: the other user's
 *   record is removed, so their notifications stop reaching this phone.
 */
export async function registerDevice(
  dependencies: DeviceRegistrationDependencies,
  registration: DeviceRegistration,
): Promise<Device> {
  const { devices, logger } = dependencies;
  const push = endpointsFor(dependencies.push, registration.service);
  const owner = { userId: registration.userId, deviceId: registration.deviceId };
  const current = (await devices.list(owner.userId)).find((device) => device.deviceId === owner.deviceId);
  const { endpointArn, previousOwner } = await push.claim(registration.token, owner);

  if (previousOwner) {
    const stale = (await devices.list(previousOwner.userId)).find(
      (device) => device.deviceId === previousOwner.deviceId && device.endpointArn === endpointArn,
    );
    if (stale) {
      await devices.remove(stale.userId, stale.deviceId);
      logger.info('Push endpoint moved to another device record', { deviceId: owner.deviceId });
    }
  }
  const device = await devices.register({ ...owner, platform: push.application.platform, endpointArn });
  if (current && current.endpointArn !== endpointArn) await push.release(current.endpointArn, owner);
  return device;
}

/** Removes the device record, then its endpoint (if this device still owns it). Idempotent. */
export async function unregisterDevice(
  dependencies: DeviceRegistrationDependencies,
  owner: { userId: string; deviceId: string },
): Promise<void> {
  const { devices, push, logger } = dependencies;
  const current = (await devices.list(owner.userId)).find((device) => device.deviceId === owner.deviceId);
  if (!current) return;
  await devices.remove(owner.userId, owner.deviceId);
  if (push) {
    await push.release(current.endpointArn, owner);
  } else {
    logger.warn('Device removed; its SNS endpoint was left (push is not configured for this stage)', {
      deviceId: owner.deviceId,
    });
  }
}
