import type { Device } from '@stratum/data';
import { customerScope, type UsersContext } from '../context.ts';
import { BadUserInputError } from '../errors.ts';
import { keyIdArgument } from '../input.ts';
import { endpointsFor, registerDevice, unregisterDevice } from '../push/device-registration.ts';
import { deviceTokenArgument } from '../push/device-token.ts';
import type { PushService } from '../push/push-service.ts';

type Args = Record<string, unknown>;

function serviceArgument(value: unknown): PushService {
  if (value === 'APNS' || value === 'FCM') return value;
  throw new BadUserInputError('platform', 'Invalid platform: expected APNS or FCM.');
}

/** Push devices of the signed-in customer: a customer principal with a tenant, never staff. */
export const deviceMutationResolvers = {
  registerDevice: (_: unknown, args: Args, context: UsersContext): Promise<Device> => {
    const { userId } = customerScope(context);
    const deviceId = keyIdArgument(args.deviceId, 'deviceId');
    const service = serviceArgument(args.platform);
    // A stage without push for this service says so first: the token's format is then moot.
    endpointsFor(context.push, service);
    const token = deviceTokenArgument(service, args.token);
    return registerDevice(context, { userId, deviceId, service, token });
  },

  unregisterDevice: async (_: unknown, args: Args, context: UsersContext): Promise<boolean> => {
    const { userId } = customerScope(context);
    await unregisterDevice(context, { userId, deviceId: keyIdArgument(args.deviceId, 'deviceId') });
    return true;
  },
};
