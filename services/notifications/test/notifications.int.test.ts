import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { createDataStore } from '@stratum/data';
import {
  createLocalClient,
  createTable,
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { createObservability } from '@stratum/runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmailSender } from '../src/delivery/email-sender.ts';
import { deliveryIdempotencyConfig, singleTablePersistence } from '../src/delivery/idempotency.ts';
import { dataStoreDirectory } from '../src/directory.ts';
import { createNotificationsHandler } from '../src/notifications-handler.ts';
import { appLinks } from '../src/plan-notification.ts';
import { dueSoon, lambdaContext, sqsEvent, sqsRecord } from './support/fixtures.ts';

vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
/** SES is faked; DynamoDB (members, idempotency records) is DynamoDB Local. */
const ses = mockClient(SESv2Client);
let ddb: DynamoDbLocal | undefined;
let client: DynamoDBClient;
let handler: ReturnType<typeof createNotificationsHandler>;

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  await createTable(ddb.endpoint, 'stratum');
  client = createLocalClient(ddb.endpoint);
  const store = createDataStore({ tableName: 'stratum', client });
  await store.tenants.createWithOwner({
    tenantId: 'acme',
    name: 'Acme',
    owner: { userId: 'user-1', email: 'al@example.com', displayName: 'Al' },
  });
  const config = deliveryIdempotencyConfig(3600);
  handler = createNotificationsHandler({
    directory: dataStoreDirectory(() => store),
    links: appLinks('https://app.example.com'),
    sendEmail: createEmailSender({
      ses: new SESv2Client({ region: 'eu-west-1' }),
      from: 'no-reply@example.com',
      persistence: singleTablePersistence('stratum', 'email', client),
      config,
    }),
    sendPush: null,
    idempotencyConfig: config,
    ...createObservability('notifications-test'),
  });
});

afterAll(async () => {
  await ddb?.stop();
});

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
});

describe('notifications against DynamoDB Local', () => {
  it('the same event delivered twice sends one e-mail', async () => {
    const event = dueSoon('acme', 'user-1');
    expect(await handler(sqsEvent(sqsRecord(event, 'first')), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
    expect(await handler(sqsEvent(sqsRecord(event, 'second')), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: 'stratum',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'IDEMPOTENCY#notifications-email' } },
      }),
    );
    expect(
      Items.some((item) => item.status?.S === 'COMPLETED' && Number(item.ttl?.N) > Date.now() / 1000),
    ).toBe(true);
  });

  it('the same event twice in one batch sends one e-mail; the copy waits for the first and is retried', async () => {
    const event = dueSoon('acme', 'user-1');
    const response = await handler(sqsEvent(sqsRecord(event, 'a'), sqsRecord(event, 'b')), lambdaContext);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    // The copy that found the first still in progress fails; its redelivery is a no-op.
    for (const failure of response.batchItemFailures) {
      expect(await handler(sqsEvent(sqsRecord(event, failure.itemIdentifier)), lambdaContext)).toEqual({
        batchItemFailures: [],
      });
    }
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('a failed send leaves nothing behind: the redelivery sends', async () => {
    const event = dueSoon('acme', 'user-1');
    ses
      .on(SendEmailCommand)
      .rejectsOnce(Object.assign(new Error('Service unavailable'), { name: 'InternalFailure' }))
      .resolves({ MessageId: 'ses-2' });
    expect(await handler(sqsEvent(sqsRecord(event, 'try-1')), lambdaContext)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'try-1' }],
    });
    expect(await handler(sqsEvent(sqsRecord(event, 'try-2')), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
  });

  it('a batch of 3 with one failing record reports exactly that one', async () => {
    const records = [
      sqsRecord(dueSoon('acme', 'user-1'), 'ok-1'),
      sqsRecord('{"not":"an event"}', 'bad'),
      sqsRecord(dueSoon('acme', 'user-1'), 'ok-2'),
    ];
    expect(await handler(sqsEvent(...records), lambdaContext)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'bad' }],
    });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
  });

  it('a poison message fails on every receive, so SQS dead-letters it after maxReceiveCount', async () => {
    for (const receive of [1, 2, 3, 4, 5]) {
      const response = await handler(sqsEvent(sqsRecord('{{{', 'poison', receive)), lambdaContext);
      expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'poison' }]);
    }
  });
});
