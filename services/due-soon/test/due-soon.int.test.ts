import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { createDataStore, createEventDataStore, type DataStore } from '@stratum/data';
import {
  createLocalClient,
  createTable,
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { parseDomainEvent } from '@stratum/events';
import { createObservability } from '@stratum/runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runDueSoonJob } from '../src/due-soon-job.ts';
import { PublishFailedError } from '../src/errors.ts';
import { publishEvents } from '../src/publish-events.ts';

vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
const eventBridge = mockClient(EventBridgeClient);
let ddb: DynamoDbLocal | undefined;
let data: DataStore;
let job: (now: Date) => ReturnType<typeof runDueSoonJob>;
const NOW = new Date('2030-01-30T20:00:00.000Z');

/** The events published so far, parsed back as a consumer would. */
const published = () =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) =>
      parseDomainEvent({
        source: entry.Source,
        'detail-type': entry.DetailType,
        detail: JSON.parse(entry.Detail ?? ''),
      }),
    );

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  await createTable(ddb.endpoint, 'stratum');
  const client = createLocalClient(ddb.endpoint);
  data = createDataStore({ tableName: 'stratum', client });
  const { markers } = createEventDataStore({ tableName: 'stratum', client });
  const options = {
    eventBridge: new EventBridgeClient({ region: 'eu-west-1' }),
    busName: 'bus',
    delay: async () => undefined,
  };
  job = (now) =>
    runDueSoonJob(
      {
        data,
        markers,
        publish: (events) => publishEvents(events, options),
        ...createObservability('due-soon-test'),
      },
      now,
      24,
    );
  for (const tenantId of ['acme', 'globex']) {
    await data.tenants.createWithOwner({
      tenantId,
      name: tenantId,
      owner: { userId: `${tenantId}-owner`, email: `${tenantId}@example.com`, displayName: tenantId },
    });
  }
});

afterAll(async () => {
  await ddb?.stop();
});

beforeEach(() => {
  eventBridge.reset();
  eventBridge
    .on(PutEventsCommand)
    .callsFake(({ Entries }) => ({ FailedEntryCount: 0, Entries: Entries.map(() => ({ EventId: 'e' })) }));
});

describe('due-soon job against DynamoDB Local', () => {
  it('emits TodoDueSoon once per open todo due in the window, across tenants', async () => {
    const acme = { tenantId: 'acme', userId: 'acme-owner' };
    const globex = { tenantId: 'globex', userId: 'globex-owner' };
    const today = await data.todos.create(acme, { title: 'Today', dueDate: '2030-01-30' });
    const tomorrow = await data.todos.create(globex, { title: 'Tomorrow', dueDate: '2030-01-31' });
    const done = await data.todos.create(acme, { title: 'Done already', dueDate: '2030-01-31' });
    await data.todos.setStatus(acme, done.todoId, 'done');
    await data.todos.create(acme, { title: 'Later', dueDate: '2030-02-01' });
    await data.todos.create(acme, { title: 'Overdue', dueDate: '2030-01-29' });
    await data.todos.create(acme, { title: 'No date' });

    expect(await job(NOW)).toEqual({ tenants: 2, dueTodos: 2, alreadyEmitted: 0, emitted: 2 });
    const events = published();
    expect(new Set(events.map((event) => event.detail.tenantId))).toEqual(new Set(['acme', 'globex']));
    expect(
      events.map((event) =>
        event.detailType === 'TodoDueSoon'
          ? [event.detail.todoId, event.detail.dueDate, event.detail.createdBy]
          : [],
      ),
    ).toEqual(
      expect.arrayContaining([
        [today.todoId, '2030-01-30', 'acme-owner'],
        [tomorrow.todoId, '2030-01-31', 'globex-owner'],
      ]),
    );

    eventBridge.resetHistory();
    expect(await job(new Date(NOW.getTime() + 3_600_000))).toEqual({
      tenants: 2,
      dueTodos: 2,
      alreadyEmitted: 2,
      emitted: 0,
    });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('a todo whose due date moves is reminded again for the new date, with a new event id', async () => {
    const scope = { tenantId: 'acme', userId: 'acme-owner' };
    const todo = await data.todos.create(scope, { title: 'Moves', dueDate: '2030-03-01' });
    const at = new Date('2030-02-28T12:00:00.000Z');
    await job(at);
    await data.todos.update(scope, todo.todoId, { dueDate: '2030-03-02' }, 1);
    await job(new Date('2030-03-01T12:00:00.000Z'));
    const mine = published().filter(
      (event) => event.detailType === 'TodoDueSoon' && event.detail.todoId === todo.todoId,
    );
    expect(mine.map((event) => event.detailType === 'TodoDueSoon' && event.detail.dueDate)).toEqual([
      '2030-03-01',
      '2030-03-02',
    ]);
    expect(new Set(mine.map((event) => event.detail.eventId)).size).toBe(2);
  });

  it('an event that cannot be published releases its marker: the run fails, the next run emits it', async () => {
    await data.todos.create(
      { tenantId: 'globex', userId: 'globex-owner' },
      { title: 'Flaky', dueDate: '2030-04-02' },
    );
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });
    const at = new Date('2030-04-01T12:00:00.000Z');
    await expect(job(at)).rejects.toBeInstanceOf(PublishFailedError);
    eventBridge.reset();
    eventBridge
      .on(PutEventsCommand)
      .callsFake(({ Entries }) => ({ FailedEntryCount: 0, Entries: Entries.map(() => ({ EventId: 'e' })) }));
    expect(await job(at)).toMatchObject({ dueTodos: 1, emitted: 1 });
  });
});
