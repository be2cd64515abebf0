import type { _Record, AttributeValue } from '@aws-sdk/client-dynamodb-streams';

/** A DynamoDB attribute value as JSON (binary values in base64), as Lambda's event carries it. */
export type JsonAttributeValue = Readonly<Record<string, unknown>>;

/** One record of the event Lambda (and Pipes) build from a DynamoDB stream. */
export interface StreamRecord {
  readonly eventID: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly eventVersion: string;
  readonly eventSource: 'aws:dynamodb';
  readonly awsRegion: string;
  readonly dynamodb: {
    readonly ApproximateCreationDateTime?: number;
    readonly Keys?: Readonly<Record<string, JsonAttributeValue>>;
    readonly NewImage?: Readonly<Record<string, JsonAttributeValue>>;
    readonly OldImage?: Readonly<Record<string, JsonAttributeValue>>;
    readonly SequenceNumber: string;
    readonly SizeBytes?: number;
    readonly StreamViewType?: string;
  };
  readonly eventSourceARN: string;
  /** Present on deletions by TTL: `{ type: 'Service', principalId: 'dynamodb.amazonaws.com' }`. */
  readonly userIdentity?: { readonly type?: string; readonly principalId?: string };
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function jsonValue(value: AttributeValue): JsonAttributeValue {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.M !== undefined) return { M: jsonImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(jsonValue) };
  const { $unknown: _unknown, ...rest } = value as AttributeValue & { $unknown?: unknown };
  return rest;
}

function jsonImage(image: Record<string, AttributeValue> | undefined): Record<string, JsonAttributeValue> {
  return Object.fromEntries(Object.entries(image ?? {}).map(([name, value]) => [name, jsonValue(value)]));
}

/**
 * The Lambda record of a DynamoDB Streams record: the same fields, with `ApproximateCreationDateTime`
 * in epoch seconds, binary attributes in base64, and the mapping's region and stream ARN.
 */
export function streamRecordOf(record: _Record, streamArn: string, region: string): StreamRecord {
  const data = record.dynamodb;
  const sequenceNumber = data?.SequenceNumber;
  if (data === undefined || sequenceNumber === undefined || record.eventName === undefined) {
    throw new Error(`the DynamoDB Streams engine returned a record without data from ${streamArn}`);
  }
  const created = data.ApproximateCreationDateTime;
  return {
    eventID: record.eventID ?? sequenceNumber,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ...(created !== undefined && { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
      ...(data.Keys !== undefined && { Keys: jsonImage(data.Keys) }),
      ...(data.NewImage !== undefined && { NewImage: jsonImage(data.NewImage) }),
      ...(data.OldImage !== undefined && { OldImage: jsonImage(data.OldImage) }),
      SequenceNumber: sequenceNumber,
      ...(data.SizeBytes !== undefined && { SizeBytes: data.SizeBytes }),
      ...(data.StreamViewType !== undefined && { StreamViewType: data.StreamViewType }),
    },
    eventSourceARN: streamArn,
    ...(record.userIdentity !== undefined && {
      userIdentity: {
        ...(record.userIdentity.Type !== undefined && { type: record.userIdentity.Type }),
        ...(record.userIdentity.PrincipalId !== undefined && {
          principalId: record.userIdentity.PrincipalId,
        }),
      },
    }),
  };
}
