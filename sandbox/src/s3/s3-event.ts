import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../events/bus/index.ts';

/** What happened to one object; the front builds it after the engine answered. */
export interface ObjectChange {
  /** `ObjectCreated:Put`, `ObjectCreated:Post`, `ObjectCreated:Copy`, `ObjectCreated:CompleteMultipartUpload`, `ObjectRemoved:Delete`. */
  readonly eventName: string;
  readonly bucket: string;
  readonly key: string;
  /** Created objects only. */
  readonly size?: number;
  readonly eTag?: string;
  readonly sequencer: string;
  readonly time: Date;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly principalId: string;
}

/** The event S3 delivers to Lambda, SQS and SNS (`Records[]`, eventVersion 2.1). */
export interface S3Event {
  readonly Records: readonly S3EventRecord[];
}

export type S3EventRecord = Readonly<Record<string, unknown>> & { readonly eventName: string };

/**
 * A key as S3 writes it in event records: form-URL-encoded (`a b.jpg` → `a+b.jpg`), `/` kept.
 * Java's `URLEncoder` leaves only `A-Z a-z 0-9 . - * _` alone; `/` is restored after.
 */
export function eventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+')
    .replaceAll('%2F', '/');
}

let lastSequence = 0n;

/** S3's `sequencer`: upper-case hex, growing with time, comparable per key (same length). */
export function nextSequencer(time: Date): string {
  const candidate = BigInt(time.getTime()) * 1_000_000n;
  lastSequence = candidate > lastSequence ? candidate : lastSequence + 1n;
  return lastSequence.toString(16).toUpperCase().padStart(18, '0');
}

/** One notification record, as S3 sends it for the configuration `configurationId`. */
export function s3EventRecord(
  change: ObjectChange,
  configurationId: string,
  location: { readonly region: string },
): S3EventRecord {
  const object: Record<string, unknown> = { key: eventKey(change.key) };
  if (change.size !== undefined) object.size = change.size;
  if (change.eTag !== undefined) object.eTag = change.eTag;
  object.sequencer = change.sequencer;
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: location.region,
    eventTime: change.time.toISOString(),
    eventName: change.eventName,
    userIdentity: { principalId: change.principalId },
    requestParameters: { sourceIPAddress: change.sourceIp },
    responseElements: { 'x-amz-request-id': change.requestId, 'x-amz-id-2': 'stratum-sandbox' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId,
      bucket: {
        name: change.bucket,
        ownerIdentity: { principalId: change.principalId },
        arn: `arn:aws:s3:::${change.bucket}`,
      },
      object,
    },
  };
}

/** The message S3 sends to a queue or topic when a notification configuration is applied. */
export function s3TestEvent(bucket: string, time: Date, requestId: string): string {
  return JSON.stringify({
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: time.toISOString(),
    Bucket: bucket,
    RequestId: requestId,
    HostId: 'stratum-sandbox',
  });
}

const EVENTBRIDGE_REASONS: Readonly<Record<string, string>> = {
  'ObjectCreated:Put': 'PutObject',
  'ObjectCreated:Post': 'POST Object',
  'ObjectCreated:Copy': 'CopyObject',
  'ObjectCreated:CompleteMultipartUpload': 'CompleteMultipartUpload',
  'ObjectRemoved:Delete': 'DeleteObject',
};

/** The EventBridge event (`aws.s3`, `Object Created` / `Object Deleted`) for the default bus. */
export function eventBridgeEvent(
  change: ObjectChange,
  location: { readonly region: string; readonly accountId: string },
): EventEnvelope {
  const created = change.eventName.startsWith('ObjectCreated:');
  const object: Record<string, unknown> = { key: change.key };
  if (change.size !== undefined) object.size = change.size;
  if (change.eTag !== undefined) object.etag = change.eTag;
  object.sequencer = change.sequencer;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': created ? 'Object Created' : 'Object Deleted',
    source: 'aws.s3',
    account: location.accountId,
    time: change.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: location.region,
    resources: [`arn:aws:s3:::${change.bucket}`],
    detail: {
      version: '0',
      bucket: { name: change.bucket },
      object,
      'request-id': change.requestId,
      requester: location.accountId,
      'source-ip-address': change.sourceIp,
      reason: EVENTBRIDGE_REASONS[change.eventName] ?? change.eventName,
      ...(created ? {} : { 'deletion-type': 'Permanently Deleted' }),
    },
  };
}
