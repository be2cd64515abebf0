import type { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { DeviceRepository } from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import type { PushMessage } from '../plan-notification.ts';

/** The endpoint will never accept a message again (token expired, app uninstalled): forget it. */
const GONE_ENDPOINT_ERRORS = new Set(['EndpointDisabledException', 'NotFoundException']);

export interface PushSenderOptions {
  readonly sns: SNSClient;
  readonly devices: () => DeviceRepository;
  readonly persistence: BasePersistenceLayer;
  readonly config: IdempotencyConfig;
  readonly logger: Observability['logger'];
}

/** One SNS message for every platform: SNS picks the member for the endpoint's platform. */
function snsMessage(message: PushMessage): string {
  const apns = JSON.stringify({
    aps: { alert: { title: message.title, body: message.body } },
    url: message.url,
  });
  return JSON.stringify({
    default: message.body,
    APNS: apns,
    APNS_SANDBOX: apns,
    GCM: JSON.stringify({
      notification: { title: message.title, body: message.body },
      data: { url: message.url },
    }),
  });
}

export type PushSender = (eventId: string, message: PushMessage) => Promise<{ delivered: number }>;

/**
 * Publishes to every registered device of the recipient, once per (event, device): a retry after
 * a partial failure only sends to the devices that did not get it.
 */
export function createPushSender(options: PushSenderOptions): PushSender {
  const publish = makeIdempotent(
    async (delivery: { key: string; endpointArn: string; message: string }) => {
      const { MessageId } = await options.sns.send(
        new PublishCommand({
          TargetArn: delivery.endpointArn,
          MessageStructure: 'json',
          Message: delivery.message,
        }),
      );
      return { messageId: MessageId ?? '' };
    },
    { persistenceStore: options.persistence, config: options.config },
  );

  return async (eventId, message) => {
    const devices = await options.devices().list(message.userId);
    let delivered = 0;
    for (const device of devices) {
      try {
        await publish({
          key: `${eventId}#${device.deviceId}`,
          endpointArn: device.endpointArn,
          message: snsMessage(message),
        });
        delivered += 1;
      } catch (error) {
        if (!(error instanceof Error && GONE_ENDPOINT_ERRORS.has(error.name))) throw error;
        options.logger.warn('Push endpoint is gone; device removed', {
          deviceId: device.deviceId,
          reason: error.name,
        });
        await options.devices().remove(message.userId, device.deviceId);
      }
    }
    return { delivered };
  };
}
