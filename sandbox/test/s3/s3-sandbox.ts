import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import { buildApp } from 'fauxqs';
import { BucketRegistry } from '../../src/s3/bucket-registry.ts';
import { engineMessaging } from '../../src/s3/engine-messaging.ts';
import {
  type DeliveryReport,
  type NotificationDestinations,
  NotificationDispatcher,
} from '../../src/s3/notification-dispatcher.ts';
import { S3Front } from '../../src/s3/s3-front.ts';

export const REGION = 'eu-west-1';
export const ACCOUNT = '000000000000';
export const CREDENTIALS = { accessKeyId: 'ASIASANDBOXKEY', secretAccessKey: 'sandbox-secret-key' };

/** fauxqs (S3, SQS, SNS) on 127.0.0.1 and the S3 front in front of it, on free ports. */
export interface S3Sandbox {
  readonly engineUrl: string;
  readonly frontUrl: string;
  readonly front: S3Front;
  readonly buckets: BucketRegistry;
  readonly dispatcher: NotificationDispatcher;
  /** Through the front, path style, with the sandbox's credentials. */
  readonly s3: S3Client;
  readonly reports: DeliveryReport[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

export async function startS3Sandbox(
  options: { destinations?: NotificationDestinations; now?: () => Date; partSize?: number } = {},
): Promise<S3Sandbox> {
  const engine = buildApp({ logger: false, defaultRegion: REGION });
  await engine.listen({ port: 0, host: '127.0.0.1' });
  const engineUrl = `http://127.0.0.1:${(engine.server.address() as AddressInfo).port}`;
  const messaging = engineMessaging({ endpoint: engineUrl, region: REGION });
  const reports: DeliveryReport[] = [];
  const buckets = new BucketRegistry();
  const dispatcher = new NotificationDispatcher({
    destinations: { ...messaging, ...options.destinations },
    region: REGION,
    accountId: ACCOUNT,
    retry: { retryDelaysMs: [60_000, 120_000], timeFactor: 0.0001 },
    onReport: (report) => reports.push(report),
  });
  const front = new S3Front({
    engineUrl,
    region: REGION,
    accountId: ACCOUNT,
    lookupSecret: (accessKeyId) =>
      accessKeyId === CREDENTIALS.accessKeyId ? CREDENTIALS.secretAccessKey : undefined,
    buckets,
    notifications: dispatcher,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.partSize === undefined ? {} : { partSize: options.partSize }),
  });
  const server = createServer(front.handle);
  const frontUrl = await listen(server);
  const s3 = new S3Client({
    endpoint: frontUrl,
    region: REGION,
    forcePathStyle: true,
    credentials: CREDENTIALS,
  });
  return {
    engineUrl,
    frontUrl,
    front,
    buckets,
    dispatcher,
    s3,
    reports,
    async close() {
      await dispatcher.drain();
      s3.destroy();
      front.close();
      messaging.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await engine.close();
    },
  };
}
