import { S3Client } from '@aws-sdk/client-s3';
import type { AwsEndpoint } from '../endpoint/index.ts';
import type { EventBusEmulator } from '../events/bus/index.ts';
import type { AsyncInvoker } from '../lambda/async-invoker.ts';
import {
  BucketRegistry,
  engineMessaging,
  NotificationDispatcher,
  S3Front,
  type S3ResourceProviders,
  s3ResourceProviders,
} from '../s3/index.ts';

export interface S3WiringOptions {
  readonly endpoint: AwsEndpoint;
  /** fauxqs's own URL: the S3 engine behind the front. */
  readonly engineUrl: string;
  readonly region: string;
  readonly accountId: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly asyncInvoker: AsyncInvoker;
  readonly bus: EventBusEmulator;
}

export interface S3Wiring {
  readonly front: S3Front;
  readonly resources: S3ResourceProviders;
  close(): void;
}

/**
 * Puts the S3 front (POST policies, CORS, notifications) on the endpoint's `s3` route and builds the
 * bucket providers, which write through the front so that objects a BucketDeployment puts raise
 * notifications, as on AWS.
 */
export function wireS3(options: S3WiringOptions): S3Wiring {
  const { region, accountId, credentials } = options;
  const messaging = engineMessaging({ endpoint: options.engineUrl, region });
  const buckets = new BucketRegistry();
  const notifications = new NotificationDispatcher({
    region,
    accountId,
    destinations: {
      invokeFunction: (functionArn, event) => options.asyncInvoker.invoke(functionArn, event),
      sendMessage: messaging.sendMessage,
      publish: messaging.publish,
      putEvents: async (event) => options.bus.putServiceEvent(event),
    },
  });
  const front = new S3Front({
    engineUrl: options.engineUrl,
    region,
    accountId,
    lookupSecret: (accessKeyId) =>
      accessKeyId === credentials.accessKeyId ? credentials.secretAccessKey : undefined,
    buckets,
    notifications,
  });
  options.endpoint.setRoute('s3', { handle: front.handle });
  const client = new S3Client({ endpoint: options.endpoint.url, region, credentials, forcePathStyle: true });
  const resources = s3ResourceProviders({
    client,
    buckets,
    applyNotifications: (bucket, config) => front.setNotifications(bucket, config),
  });
  return {
    front,
    resources,
    close() {
      client.destroy();
      messaging.close();
    },
  };
}
