import { createDataStore } from '@stratum/data';
import {
  createLocalClient,
  createTable,
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { type DomainEvent, parseDomainEvent, toPutEventsEntry } from '@stratum/events';
import { createObservability } from '@stratum/runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEnricherHandler } from '../src/enricher-handler.ts';
import { readTableStream } from './support/read-table-stream.ts';

let ddb: DynamoDbLocal | undefined;
let records: unknown[] = [];
const tenantId = `acme-${process.pid}`;
vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
const enrich = createEnricherHandler(createObservability('event-enricher-test'));

/** What the Pipe delivers to the bus for one enriched element (target parameters of ADR 0006). */
const delivered = (event: DomainEvent) => {
  const entry = toPutEventsEntry(event, 'bus');
  return { source: entry.Source, 'detail-type': entry.DetailType, detail: JSON.parse(entry.Detail) };
};

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  await createTable(ddb.endpoint, 'stratum');
  const store = createDataStore({ tableName: 'stratum', client: createLocalClient(ddb.endpoint) });
  const owner = { tenantId, userId: 'owner-1' };
  await store.tenants.createWithOwner({
    tenantId,
    name: 'Acme',
    owner: { userId: 'owner-1', email: 'owner@example.com', displayName: 'Olive' },
  });
  const todo = await store.todos.create(owner, { title: 'Ship <it>', dueDate: '2030-01-31' });
  await store.todos.update(owner, todo.todoId, { title: 'Ship it' }, 1);
  await store.todos.setStatus(owner, todo.todoId, 'done');
  await store.todos.delete(owner, todo.todoId);
  await store.invitations.create(owner, { email: 'bo@example.com', role: 'member' });
  records = await readTableStream(ddb.endpoint, 'stratum');
});

afterAll(async () => {
  await ddb?.stop();
});

describe('table stream → enrichment → domain events (DynamoDB Local)', () => {
  it('maps the records @stratum/data really writes to the expected events, in order', async () => {
    const events = await enrich(records);
    expect(events.map((event) => event.detailType)).toEqual([
      'MemberJoined',
      'TodoCreated',
      'TodoCompleted',
      'TodoDeleted',
      'MemberInvited',
    ]);
    expect(events.every((event) => event.detail.tenantId === tenantId)).toBe(true);
    expect(events[1]).toMatchObject({
      detail: { title: 'Ship <it>', dueDate: '2030-01-31', createdBy: 'owner-1' },
    });
    expect(events[4]).toMatchObject({
      detail: { email: 'bo@example.com', invitedBy: 'owner-1', role: 'member' },
    });
  });

  it('gives the same event ids when the Pipe retries the same records', async () => {
    const first = (await enrich(records)).map((event) => event.detail.eventId);
    const second = (await enrich(records)).map((event) => event.detail.eventId);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('emits events that every consumer parses back unchanged', async () => {
    for (const event of await enrich(records)) expect(parseDomainEvent(delivered(event))).toEqual(event);
  });

  it('fails the batch on a record it cannot read, and on input that is not a batch', async () => {
    await expect(enrich([...records, { eventID: 'broken', eventName: 'INSERT' }])).rejects.toThrow(/broken/);
    await expect(enrich({ Records: records })).rejects.toThrow(/batch of stream records/);
  });
});
