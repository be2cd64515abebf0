import {
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { EndpointDisabledException, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { createObservability } from '@stratum/runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmailSender } from '../src/delivery/email-sender.ts';
import { deliveryIdempotencyConfig, singleTablePersistence } from '../src/delivery/idempotency.ts';
import { createPushSender } from '../src/delivery/push-sender.ts';
import { createNotificationsHandler } from '../src/notifications-handler.ts';
import { appLinks } from '../src/plan-notification.ts';
import {
  dueSoon,
  lambdaContext,
  memoryDevices,
  memoryDirectory,
  sqsEvent,
  sqsRecord,
} from './support/fixtures.ts';

vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
const dynamodb = mockClient(DynamoDBClient);
const ses = mockClient(SESv2Client);
const sns = mockClient(SNSClient);
const observability = createObservability('notifications-test');
const client = new DynamoDBClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
const arn = (n: number) => `arn:aws:sns:eu-west-1:111122223333:endpoint/GCM/stratum/${n}`;
let devices = memoryDevices([]);

function handler(push = true) {
  const config = deliveryIdempotencyConfig(3600);
  return createNotificationsHandler({
    directory: memoryDirectory(
      { acme: 'Acme' },
      {
        'acme/user-1': { email: 'al@example.com', displayName: 'Al' },
        'acme/user-2': { email: 'bo@example.com', displayName: 'Bo' },
      },
    ),
    links: appLinks('https://app.example.com/'),
    sendEmail: createEmailSender({
      ses: new SESv2Client({ region: 'eu-west-1' }),
      from: 'no-reply@example.com',
      persistence: singleTablePersistence('stratum', 'email', client),
      config,
    }),
    sendPush: push
      ? createPushSender({
          sns: new SNSClient({ region: 'eu-west-1' }),
          devices: () => devices,
          persistence: singleTablePersistence('stratum', 'push', client),
          config,
          logger: observability.logger,
        })
      : null,
    idempotencyConfig: config,
    ...observability,
  });
}

beforeEach(() => {
  for (const mock of [dynamodb, ses, sns]) mock.reset();
  // The idempotency store accepts every record: each key is new (duplicates: see the .int test).
  dynamodb.on(PutItemCommand).resolves({});
  dynamodb.on(UpdateItemCommand).resolves({});
  dynamodb.on(DeleteItemCommand).resolves({});
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
  devices = memoryDevices([]);
});

describe('notifications handler (fake AWS)', () => {
  it('a batch of 3 with one poison record reports exactly that record; the others are sent', async () => {
    const records = [
      sqsRecord(dueSoon('acme', 'user-1')),
      sqsRecord('{"detail-type":"TodoDueSoon","source":"stratum.todo","detail":{"version":1}}'),
      sqsRecord(dueSoon('acme', 'user-2')),
    ];
    const response = await handler()(sqsEvent(...records), lambdaContext);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]?.messageId }] });
    const sent = ses
      .commandCalls(SendEmailCommand)
      .map((call) => call.args[0].input.Destination?.ToAddresses);
    expect(sent.sort()).toEqual([['al@example.com'], ['bo@example.com']]);
  });

  it('a transient SES failure fails only its record', async () => {
    ses
      .on(SendEmailCommand, { Destination: { ToAddresses: ['bo@example.com'] } })
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const records = [sqsRecord(dueSoon('acme', 'user-1')), sqsRecord(dueSoon('acme', 'user-2'))];
    expect(await handler()(sqsEvent(...records), lambdaContext)).toEqual({
      batchItemFailures: [{ itemIdentifier: records[1]?.messageId }],
    });
  });

  it.each([
    ['not JSON', 'hello'],
    [
      'an unknown event',
      JSON.stringify({ source: 'stratum.todo', 'detail-type': 'TodoArchived', detail: {} }),
    ],
    [
      'a bad field',
      JSON.stringify({ source: 'stratum.todo', 'detail-type': 'TodoDueSoon', detail: { version: 1 } }),
    ],
  ])('a poison message (%s) is reported as failed on every receive, never dropped', async (_label, body) => {
    const send = handler();
    for (const receive of [1, 2, 3]) {
      const record = sqsRecord(body, 'poison', receive);
      expect(await send(sqsEvent(record), lambdaContext)).toEqual({
        batchItemFailures: [{ itemIdentifier: 'poison' }],
      });
    }
    expect(ses.calls()).toHaveLength(0);
  });

  it('an SES rejection is permanent: the record fails (to reach the DLQ)', async () => {
    ses
      .on(SendEmailCommand)
      .rejects(Object.assign(new Error('Address blacklisted'), { name: 'MessageRejected' }));
    const record = sqsRecord(dueSoon('acme', 'user-1'));
    expect(await handler()(sqsEvent(record), lambdaContext)).toEqual({
      batchItemFailures: [{ itemIdentifier: record.messageId }],
    });
  });

  it('sends the due-soon e-mail with HTML, text and the event tag', async () => {
    await handler()(sqsEvent(sqsRecord(dueSoon('acme', 'user-1', undefined, 'Pay <rent>'))), lambdaContext);
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: 'no-reply@example.com',
      Destination: { ToAddresses: ['al@example.com'] },
      EmailTags: [{ Name: 'event', Value: 'TodoDueSoon' }],
    });
    expect(input?.Content?.Simple?.Body?.Html?.Data).toContain('Pay &lt;rent&gt;');
    expect(input?.Content?.Simple?.Body?.Text?.Data).toContain('https://app.example.com/t/acme/todos/');
  });

  it('pushes to each registered device; a disabled endpoint is removed, the others still get it', async () => {
    devices = memoryDevices([
      { userId: 'user-1', deviceId: 'old', platform: 'GCM', endpointArn: arn(1), registeredAt: '' },
      { userId: 'user-1', deviceId: 'new', platform: 'APNS', endpointArn: arn(2), registeredAt: '' },
      { userId: 'user-2', deviceId: 'other', platform: 'GCM', endpointArn: arn(3), registeredAt: '' },
    ]);
    sns
      .on(PublishCommand, { TargetArn: arn(1) })
      .rejects(new EndpointDisabledException({ message: 'Endpoint is disabled', $metadata: {} }));
    expect(await handler()(sqsEvent(sqsRecord(dueSoon('acme', 'user-1'))), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
    const targets = sns.commandCalls(PublishCommand).map((call) => call.args[0].input.TargetArn);
    expect(targets).toEqual([arn(1), arn(2)]);
    expect(devices.all.map((device) => device.deviceId)).toEqual(['new', 'other']);
    const message = JSON.parse(sns.commandCalls(PublishCommand)[1]?.args[0].input.Message ?? '{}');
    expect(JSON.parse(message.APNS).aps.alert.title).toBe('Due soon');
  });

  it('with push disabled, sends the e-mail and publishes nothing', async () => {
    devices = memoryDevices([
      { userId: 'user-1', deviceId: 'd', platform: 'GCM', endpointArn: arn(1), registeredAt: '' },
    ]);
    expect(await handler(false)(sqsEvent(sqsRecord(dueSoon('acme', 'user-1'))), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(sns.calls()).toHaveLength(0);
  });

  it('an event for someone who is no longer a member sends nothing and is done', async () => {
    expect(await handler()(sqsEvent(sqsRecord(dueSoon('acme', 'gone'))), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
    expect(ses.calls()).toHaveLength(0);
  });
});
