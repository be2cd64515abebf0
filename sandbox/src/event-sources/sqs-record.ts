import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';

/** One record of the event Lambda (and Pipes) build from an SQS message. */
export interface SqsRecord {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly messageAttributes: Readonly<Record<string, SqsRecordAttribute>>;
  readonly md5OfBody: string;
  readonly md5OfMessageAttributes?: string;
  readonly eventSource: 'aws:sqs';
  readonly eventSourceARN: string;
  readonly awsRegion: string;
}

export interface SqsRecordAttribute {
  readonly stringValue?: string;
  readonly binaryValue?: string;
  readonly stringListValues: readonly string[];
  readonly binaryListValues: readonly string[];
  readonly dataType: string;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function recordAttribute(value: MessageAttributeValue): SqsRecordAttribute {
  return {
    ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
    ...(value.BinaryValue !== undefined && { binaryValue: base64(value.BinaryValue) }),
    stringListValues: value.StringListValues ?? [],
    binaryListValues: (value.BinaryListValues ?? []).map(base64),
    dataType: value.DataType ?? 'String',
  };
}

/**
 * The Lambda SQS record of a received message (received with every system and message attribute):
 * camel-cased fields, `attributes` such as `ApproximateReceiveCount`, `SentTimestamp`, FIFO's
 * `MessageGroupId`, and binary values in base64.
 */
export function sqsRecordOf(message: Message, queueArn: string, region: string): SqsRecord {
  const { MessageId, ReceiptHandle } = message;
  if (MessageId === undefined || ReceiptHandle === undefined) {
    throw new Error(`the SQS engine returned a message without id or receipt handle from ${queueArn}`);
  }
  const attributes = Object.fromEntries(
    Object.entries(message.Attributes ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return {
    messageId: MessageId,
    receiptHandle: ReceiptHandle,
    body: message.Body ?? '',
    attributes,
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, recordAttribute(value)]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes !== undefined && {
      md5OfMessageAttributes: message.MD5OfMessageAttributes,
    }),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}
