import { describe, expect, it } from 'vitest';
import {
  createDomainEvent,
  DOMAIN_EVENTS,
  DomainEventValidationError,
  MAX_ENTRY_BYTES,
  parseDomainEvent,
  toPutEventsEntry,
  UnknownDomainEventError,
} from '../src/index.ts';

const TODO_ID = '01J9Z8Q6T3V4W5X6Y7Z8A9B0C1';

const dueSoon = () =>
  createDomainEvent('TodoDueSoon', {
    eventId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    occurredAt: '2030-01-30T08:00:00.000Z',
    tenantId: 'acme',
    todoId: TODO_ID,
    title: 'File taxes',
    dueDate: '2030-01-31',
    createdBy: 'user-1',
  });

/** What an EventBridge rule delivers for a PutEvents entry (to Lambda, or as an SQS body). */
function asDelivered(entry: ReturnType<typeof toPutEventsEntry>) {
  return {
    version: '0',
    id: 'b7f0d0a8-0000-4000-8000-000000000000',
    'detail-type': entry.DetailType,
    source: entry.Source,
    account: '111122223333',
    time: entry.Time.toISOString(),
    region: 'eu-west-1',
    resources: [],
    detail: JSON.parse(entry.Detail),
  };
}

describe('the catalogue', () => {
  it('has every event of issue #4 once, each with a stratum.<context> source', () => {
    const names = DOMAIN_EVENTS.map((definition) => definition.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'TodoCreated',
      'TodoCompleted',
      'TodoDeleted',
      'MediaUploaded',
      'MediaProcessed',
      'MemberInvited',
      'TodoDueSoon',
    ]) {
      expect(names).toContain(name);
    }
    for (const definition of DOMAIN_EVENTS) expect(definition.source).toMatch(/^stratum\.[a-z]+$/);
  });
});

describe('round trip', () => {
  it('createDomainEvent → PutEvents entry → delivered event → parseDomainEvent gives the same event', () => {
    const event = dueSoon();
    expect(event.detail.version).toBe(1);
    const entry = toPutEventsEntry(event, 'stratum-dev');
    expect(entry).toMatchObject({
      EventBusName: 'stratum-dev',
      Source: 'stratum.todo',
      DetailType: 'TodoDueSoon',
      Time: new Date('2030-01-30T08:00:00.000Z'),
    });
    expect(parseDomainEvent(asDelivered(entry))).toEqual(event);
  });

  it('ignores fields it does not know (additive changes stay version 1)', () => {
    const delivered = asDelivered(toPutEventsEntry(dueSoon(), 'bus'));
    const parsed = parseDomainEvent({ ...delivered, detail: { ...delivered.detail, priority: 'high' } });
    expect(parsed.detail).not.toHaveProperty('priority');
  });

  it('refuses an entry over the PutEvents size limit', () => {
    const big = { ...dueSoon(), detail: { ...dueSoon().detail, title: 'x'.repeat(MAX_ENTRY_BYTES) } };
    expect(() => toPutEventsEntry(big, 'bus')).toThrow(/over EventBridge/);
  });
});

describe('rejects bad input, naming the field', () => {
  const delivered = () => asDelivered(toPutEventsEntry(dueSoon(), 'bus'));
  const fieldOf = (input: unknown) => {
    try {
      parseDomainEvent(input);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainEventValidationError);
      return (error as DomainEventValidationError).field;
    }
    throw new Error('parseDomainEvent accepted bad input');
  };

  it.each([
    ['a missing detail', (e: Record<string, unknown>) => ({ ...e, detail: undefined }), 'detail'],
    ['a non-string detail-type', (e: Record<string, unknown>) => ({ ...e, 'detail-type': 7 }), 'detail-type'],
    ['a foreign source', (e: Record<string, unknown>) => ({ ...e, source: 'stratum.media' }), 'source'],
    [
      'an empty title',
      (e: Record<string, unknown>) => ({ ...e, detail: { ...(e.detail as object), title: '' } }),
      'detail.title',
    ],
    [
      'an impossible due date',
      (e: Record<string, unknown>) => ({ ...e, detail: { ...(e.detail as object), dueDate: '2030-02-30' } }),
      'detail.dueDate',
    ],
    [
      'version 2',
      (e: Record<string, unknown>) => ({ ...e, detail: { ...(e.detail as object), version: 2 } }),
      'detail.version',
    ],
    [
      'a tenant id with #',
      (e: Record<string, unknown>) => ({ ...e, detail: { ...(e.detail as object), tenantId: 'a#b' } }),
      'detail.tenantId',
    ],
  ])('%s', (_label, mutate, field) => {
    expect(fieldOf(mutate(delivered()))).toBe(field);
  });

  it('an unknown detail-type is an UnknownDomainEventError', () => {
    expect(() => parseDomainEvent({ ...delivered(), 'detail-type': 'TodoArchived' })).toThrow(
      UnknownDomainEventError,
    );
  });

  it('not an object at all', () => {
    expect(fieldOf('{"not":"parsed"}')).toBe('(event)');
    expect(fieldOf(null)).toBe('(event)');
  });

  it('createDomainEvent validates too', () => {
    expect(() =>
      createDomainEvent('MemberInvited', {
        eventId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        occurredAt: '2030-01-30T08:00:00.000Z',
        tenantId: 'acme',
        invitationId: TODO_ID,
        email: 'not-an-address',
        role: 'member',
        invitedBy: 'user-1',
        expiresAt: '2030-02-06T08:00:00.000Z',
      }),
    ).toThrow(expect.objectContaining({ field: 'detail.email' }));
  });
});
