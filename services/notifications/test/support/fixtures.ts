import type { Device, DeviceRepository } from '@stratum/data';
import { createDomainEvent, type DomainEvent, toPutEventsEntry } from '@stratum/events';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Directory } from '../../src/directory.ts';

export const TODO_ID = '01J9Z8Q6T3V4W5X6Y7Z8A9B0C1';
let counter = 0;

/** A TodoDueSoon for `createdBy`, with a fresh event id unless one is given. */
export function dueSoon(
  tenantId: string,
  createdBy: string,
  eventId?: string,
  title = 'File taxes',
): DomainEvent {
  counter += 1;
  return createDomainEvent('TodoDueSoon', {
    eventId: eventId ?? `due${String(counter).padStart(6, '0')}${process.pid}${Date.now()}`,
    occurredAt: '2030-01-30T08:00:00.000Z',
    tenantId,
    todoId: TODO_ID,
    title,
    dueDate: '2030-01-31',
    createdBy,
  });
}

function nextMessageId(): string {
  counter += 1;
  return `msg-${counter}`;
}

/** An SQS record as the rule's SQS target delivers an event (body: the EventBridge event). */
export function sqsRecord(
  body: DomainEvent | string,
  messageId = nextMessageId(),
  receiveCount = 1,
): SQSRecord {
  const text =
    typeof body === 'string'
      ? body
      : (() => {
          const entry = toPutEventsEntry(body, 'stratum-test');
          return JSON.stringify({
            version: '0',
            id: `eb-${messageId}`,
            'detail-type': entry.DetailType,
            source: entry.Source,
            account: '111122223333',
            time: entry.Time.toISOString(),
            region: 'eu-west-1',
            resources: [],
            detail: JSON.parse(entry.Detail),
          });
        })();
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body: text,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1893312000000',
      SenderId: 'events.amazonaws.com',
      ApproximateFirstReceiveTimestamp: '1893312000000',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:111122223333:notifications',
    awsRegion: 'eu-west-1',
  };
}

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

/** A directory of fixed tenants and members. */
export function memoryDirectory(
  tenants: Record<string, string>,
  members: Record<string, { email: string; displayName: string }>,
): Directory {
  return {
    tenantName: async (tenantId) => tenants[tenantId] ?? null,
    member: async (tenantId, userId) => members[`${tenantId}/${userId}`] ?? null,
  };
}

/** An in-memory DeviceRepository. */
export function memoryDevices(initial: Device[]): DeviceRepository & { readonly all: Device[] } {
  const all = [...initial];
  return {
    all,
    register: async (input) => {
      const device = { ...input, registeredAt: new Date().toISOString() };
      all.push(device);
      return device;
    },
    list: async (userId) => all.filter((device) => device.userId === userId),
    remove: async (userId, deviceId) => {
      const index = all.findIndex((device) => device.userId === userId && device.deviceId === deviceId);
      if (index >= 0) all.splice(index, 1);
    },
  };
}

/** A Lambda context with time left, as the runtime passes it (idempotency reads the remaining time). */
export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'notifications',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:notifications',
  memoryLimitInMB: '256',
  awsRequestId: 'request-1',
  logGroupName: '/aws/lambda/notifications',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};
