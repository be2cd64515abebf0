import { createDomainEvent, type DomainEvent, toPutEventsEntry } from '@stratum/events';

export const TODO_ID = '01J9Z8Q6T3V4W5X6Y7Z8A9B0C1';

export function todoCreated(tenantId: string, eventId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'): DomainEvent {
  return createDomainEvent('TodoCreated', {
    eventId,
    occurredAt: '2030-01-02T23:30:00.000Z',
    tenantId,
    todoId: TODO_ID,
    title: 'File taxes',
    dueDate: null,
    createdBy: 'user-1',
  });
}

/** The event as an EventBridge rule delivers it to a Lambda target. */
export function asRuleDelivery(event: DomainEvent) {
  const entry = toPutEventsEntry(event, 'stratum-test');
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': entry.DetailType,
    source: entry.Source,
    account: '111122223333',
    time: entry.Time.toISOString(),
    region: 'eu-west-1',
    resources: [],
    detail: JSON.parse(entry.Detail),
  };
}
