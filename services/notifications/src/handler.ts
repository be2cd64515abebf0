import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { createDataStore, createEventDataStore, type DataStore, type DeviceRepository } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { createEmailSender } from './delivery/email-sender.ts';
import { deliveryIdempotencyConfig, singleTablePersistence } from './delivery/idempotency.ts';
import { createPushSender } from './delivery/push-sender.ts';
import { dataStoreDirectory } from './directory.ts';
import { createNotificationsHandler } from './notifications-handler.ts';
import { appLinks } from './plan-notification.ts';

const environment = readEnvironment(
  z.object({
    TABLE_NAME: z.string().min(1),
    /** A verified SES identity: `no-reply@example.com` or `Stratum <no-reply@example.com>`. */
    SENDER_ADDRESS: z.string().min(3),
    /** The public web app's origin; links in messages point there. */
    APP_URL: z.url(),
    SES_CONFIGURATION_SET: z.string().optional(),
    /** The SNS platform application of this stage; absent or empty disables push. */
    PLATFORM_APPLICATION_ARN: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    IDEMPOTENCY_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(168),
  }),
);
const observability = createObservability('notifications');
const { logger, tracer, metrics } = observability;
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));
const ses = tracer.captureAWSv3Client(new SESv2Client({}));
const sns = tracer.captureAWSv3Client(new SNSClient({}));

let dataStore: DataStore | undefined;
let devices: DeviceRepository | undefined;
const data = () => (dataStore ??= createDataStore({ tableName: environment.TABLE_NAME, client: dynamodb }));
const deviceRepository = () =>
  (devices ??= createEventDataStore({ tableName: environment.TABLE_NAME, client: dynamodb }).devices);

const idempotencyConfig = deliveryIdempotencyConfig(environment.IDEMPOTENCY_TTL_HOURS * 3600);
if (!environment.PLATFORM_APPLICATION_ARN) {
  logger.info('Push notifications disabled: PLATFORM_APPLICATION_ARN is not set for this stage');
}

export const handler = instrumentHandler(
  observability,
  createNotificationsHandler({
    directory: dataStoreDirectory(data),
    links: appLinks(environment.APP_URL),
    sendEmail: createEmailSender({
      ses,
      from: environment.SENDER_ADDRESS,
      configurationSet: environment.SES_CONFIGURATION_SET,
      persistence: singleTablePersistence(environment.TABLE_NAME, 'email', dynamodb),
      config: idempotencyConfig,
    }),
    sendPush: environment.PLATFORM_APPLICATION_ARN
      ? createPushSender({
          sns,
          devices: deviceRepository,
          persistence: singleTablePersistence(environment.TABLE_NAME, 'push', dynamodb),
          config: idempotencyConfig,
          logger,
        })
      : null,
    idempotencyConfig,
    logger,
    metrics,
  }),
);
