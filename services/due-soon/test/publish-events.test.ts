import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { createDomainEvent, type DomainEvent } from '@stratum/events';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { publishEvents } from '../src/publish-events.ts';

const eventBridge = mockClient(EventBridgeClient);
const noDelay = async () => undefined;
const options = {
  eventBridge: new EventBridgeClient({ region: 'eu-west-1' }),
  busName: 'stratum-test',
  delay: noDelay,
};

const events = (count: number): DomainEvent[] =>
  Array.from({ length: count }, (_, index) =>
    createDomainEvent('TodoDueSoon', {
      eventId: `event-${String(index).padStart(12, '0')}`,
      occurredAt: '2030-01-30T08:00:00.000Z',
      tenantId: 'acme',
      todoId: '01J9Z8Q6T3V4W5X6Y7Z8A9B0C1',
      title: `Todo ${index}`,
      dueDate: '2030-01-31',
      createdBy: 'user-1',
    }),
  );

const detailIds = (call: { args: [PutEventsCommand] }) =>
  (call.args[0].input.Entries ?? []).map((entry) => JSON.parse(entry.Detail ?? '{}').eventId);

beforeEach(() => {
  eventBridge.reset();
});

describe('publishEvents', () => {
  it('publishes in calls of at most 10 entries, on the bus, with the catalogue source and type', async () => {
    eventBridge
      .on(PutEventsCommand)
      .callsFake(({ Entries }) => ({ FailedEntryCount: 0, Entries: Entries.map(() => ({ EventId: 'x' })) }));
    expect(await publishEvents(events(25), options)).toEqual([]);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 10, 5]);
    expect(calls[0]?.args[0].input.Entries?.[0]).toMatchObject({
      EventBusName: 'stratum-test',
      Source: 'stratum.todo',
      DetailType: 'TodoDueSoon',
    });
  });

  it('retries only the failed entries', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [
          { EventId: 'a' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
          { EventId: 'c' },
        ],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });
    expect(await publishEvents(events(3), options)).toEqual([]);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(2);
    expect(detailIds(calls[1] as never)).toEqual(['event-000000000001']);
  });

  it('returns what still fails after the last attempt; a failed call retries all of its entries', async () => {
    eventBridge
      .on(PutEventsCommand)
      .rejectsOnce(Object.assign(new Error('down'), { name: 'InternalException' }))
      .resolves({
        FailedEntryCount: 2,
        Entries: [{ ErrorCode: 'InternalFailure' }, { ErrorCode: 'InternalFailure' }],
      });
    const failed = await publishEvents(events(2), { ...options, maxAttempts: 3 });
    expect(failed.map((failure) => failure.errorCode)).toEqual(['InternalFailure', 'InternalFailure']);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
  });
});
