import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createEventDataStore } from '@stratum/data';
import { createDomainEvent } from '@stratum/events';
import { createObservability } from '@stratum/runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalyticsHandler } from '../src/analytics-handler.ts';
import { COUNTED_EVENTS } from '../src/counter-of-event.ts';
import { InvalidAnalyticsEventError } from '../src/errors.ts';
import { asRuleDelivery, TODO_ID, todoCreated } from './support/events.ts';

vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
/** @stratum/data sends through the DocumentClient: that is the client to fake. */
const dynamodb = mockClient(DynamoDBDocumentClient);
const observability = createObservability('analytics-test');
const analytics = createEventDataStore({
  tableName: 'stratum',
  client: new DynamoDBClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  }),
  now: () => new Date('2030-01-03T00:00:00.000Z'),
}).analytics;
const handler = createAnalyticsHandler({ analytics: () => analytics, ...observability });

beforeEach(() => {
  dynamodb.reset();
});

describe('analytics handler (fake DynamoDB)', () => {
  it('counts with one transaction: marker put if absent, total and UTC-day increments', async () => {
    dynamodb.on(TransactWriteCommand).resolves({});
    expect(await handler(asRuleDelivery(todoCreated('acme')))).toEqual({ outcome: 'counted' });
    const [call] = dynamodb.commandCalls(TransactWriteCommand);
    const items = call?.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(3);
    expect(items[0]?.Put?.Item).toMatchObject({
      pk: 'T#acme',
      sk: 'MARK#analytics#a1b2c3d4e5f60718293a4b5c6d7e8f90',
      ttl: Date.parse('2030-01-03T00:00:00.000Z') / 1000 + 35 * 86_400,
    });
    expect(items[0]?.Put?.ConditionExpression).toMatch(/attribute_not_exists/);
    expect(items[1]?.Update?.Key).toEqual({ pk: 'T#acme', sk: 'STATS#TOTAL' });
    expect(items[2]?.Update?.Key).toEqual({ pk: 'T#acme', sk: 'STATS#DAY#2030-01-02' });
    expect(JSON.stringify(items[2]?.Update?.ExpressionAttributeNames)).toContain('todosCreated');
  });

  it('a duplicate (the marker condition failed) is a no-op, not an error', async () => {
    dynamodb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    expect(await handler(asRuleDelivery(todoCreated('acme')))).toEqual({ outcome: 'duplicate' });
  });

  it('lets transient failures through, so that Lambda retries the event', async () => {
    const throttled = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }, { Code: 'None' }],
    });
    dynamodb.on(TransactWriteCommand).rejects(throttled);
    await expect(handler(asRuleDelivery(todoCreated('acme')))).rejects.toBe(throttled);
  });

  it('rejects what is not a domain event, naming the field, without touching the table', async () => {
    const bad = asRuleDelivery(todoCreated('acme'));
    const error = await handler({ ...bad, detail: { ...bad.detail, tenantId: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAnalyticsEventError);
    expect(error).toMatchObject({ field: 'detail.tenantId' });
    await expect(handler({ ...bad, 'detail-type': 'Nope' })).rejects.toMatchObject({ field: 'detail-type' });
    expect(dynamodb.calls()).toHaveLength(0);
  });

  it('does not count reminders', async () => {
    const reminder = createDomainEvent('TodoDueSoon', {
      eventId: 'b1b2c3d4e5f60718293a4b5c6d7e8f90',
      occurredAt: '2030-01-02T08:00:00.000Z',
      tenantId: 'acme',
      todoId: TODO_ID,
      title: 'File taxes',
      dueDate: '2030-01-03',
      createdBy: 'user-1',
    });
    expect(await handler(asRuleDelivery(reminder))).toEqual({ outcome: 'not-counted' });
    expect(dynamodb.calls()).toHaveLength(0);
    expect(COUNTED_EVENTS).not.toContain('TodoDueSoon');
    expect(COUNTED_EVENTS).toContain('MemberInvited');
  });
});
