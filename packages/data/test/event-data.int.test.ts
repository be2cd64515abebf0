import { createLocalClient } from '@stratum/dynamodb-local';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEventDataStore, DataValidationError, type EventDataStore } from '../src/index.ts';
import { newScope, useLocalStore } from './support/local-store.ts';

const local = useLocalStore();
let events: EventDataStore;

beforeAll(() => {
  events = createEventDataStore({ tableName: 'stratum', client: createLocalClient(local.endpoint) });
});

let sequence = 0;
const eventId = () => {
  sequence += 1;
  return `evt${String(sequence).padStart(5, '0')}${Date.now()}`;
};

describe('analytics', () => {
  it('counts an event once: the same event id twice is a duplicate that writes nothing', async () => {
    const { tenantId } = newScope();
    const event = {
      tenantId,
      eventId: eventId(),
      occurredAt: '2030-01-02T23:59:59.000Z',
      counter: 'todosCreated',
    } as const;
    expect(await events.analytics.count(event)).toBe('counted');
    expect(await events.analytics.count(event)).toBe('duplicate');
    const analytics = await events.analytics.tenantAnalytics(tenantId, '2030-01-01', '2030-01-03');
    expect(analytics.totals.todosCreated).toBe(1);
    expect(analytics.days.map((day) => [day.day, day.todosCreated])).toEqual([
      ['2030-01-01', 0],
      ['2030-01-02', 1],
      ['2030-01-03', 0],
    ]);
  });

  it('counts each counter per UTC day and in total; concurrent deliveries of one event count once', async () => {
    const { tenantId } = newScope();
    const duplicate = {
      tenantId,
      eventId: eventId(),
      occurredAt: '2030-03-01T00:00:00.000Z',
      counter: 'membersInvited',
    } as const;
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => events.analytics.count(duplicate)));
    expect(outcomes.filter((outcome) => outcome === 'counted')).toHaveLength(1);
    await events.analytics.count({ ...duplicate, eventId: eventId(), counter: 'todosCompleted' });
    await events.analytics.count({
      ...duplicate,
      eventId: eventId(),
      occurredAt: '2030-03-02T12:00:00.000Z',
      counter: 'todosCompleted',
    });
    const { totals, days } = await events.analytics.tenantAnalytics(tenantId, '2030-03-01', '2030-03-02');
    expect(totals).toMatchObject({ membersInvited: 1, todosCompleted: 2, todosCreated: 0 });
    expect(days).toEqual([
      expect.objectContaining({ day: '2030-03-01', membersInvited: 1, todosCompleted: 1 }),
      expect.objectContaining({ day: '2030-03-02', membersInvited: 0, todosCompleted: 1 }),
    ]);
  });

  it('keeps tenants apart', async () => {
    const a = newScope();
    const b = newScope();
    await events.analytics.count({
      tenantId: a.tenantId,
      eventId: eventId(),
      occurredAt: '2030-04-01T10:00:00.000Z',
      counter: 'mediaUploaded',
    });
    const other = await events.analytics.tenantAnalytics(b.tenantId, '2030-04-01', '2030-04-01');
    expect(other.totals.mediaUploaded).toBe(0);
    expect(other.days[0]?.mediaUploaded).toBe(0);
  });

  it('rejects bad input naming the field', async () => {
    const { tenantId } = newScope();
    const fieldOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'accepted',
        (error: unknown) => (error instanceof DataValidationError ? error.field : String(error)),
      );
    expect(await fieldOf(events.analytics.tenantAnalytics(tenantId, '2030-01-02', '2030-01-01'))).toBe(
      'toDay',
    );
    expect(await fieldOf(events.analytics.tenantAnalytics(tenantId, '2030-01-01', '2031-06-01'))).toBe(
      'toDay',
    );
    expect(await fieldOf(events.analytics.tenantAnalytics(tenantId, '2030-02-30', '2030-03-01'))).toBe(
      'fromDay',
    );
    expect(await fieldOf(events.analytics.tenantAnalytics('T#x', '2030-01-01', '2030-01-01'))).toBe(
      'tenantId',
    );
    expect(
      await fieldOf(
        events.analytics.count({
          tenantId,
          eventId: 'short',
          occurredAt: '2030-01-01T00:00:00.000Z',
          counter: 'todosCreated',
        }),
      ),
    ).toBe('event.eventId');
  });
});

describe('markers', () => {
  it('claims once until released', async () => {
    const { tenantId } = newScope();
    const expiresAt = new Date(Date.now() + 60_000);
    expect(await events.markers.claim(tenantId, 'due-soon#a#2030-01-01', expiresAt)).toBe(true);
    expect(await events.markers.claim(tenantId, 'due-soon#a#2030-01-01', expiresAt)).toBe(false);
    await events.markers.release(tenantId, 'due-soon#a#2030-01-01');
    expect(await events.markers.claim(tenantId, 'due-soon#a#2030-01-01', expiresAt)).toBe(true);
  });
});

describe('devices', () => {
  it('registers, replaces, lists and removes a user’s devices', async () => {
    const { userId } = newScope('u');
    const arn = (n: number) => `arn:aws:sns:eu-west-1:111122223333:endpoint/GCM/stratum/${n}`;
    await events.devices.register({ userId, deviceId: 'phone', platform: 'GCM', endpointArn: arn(1) });
    await events.devices.register({ userId, deviceId: 'phone', platform: 'GCM', endpointArn: arn(2) });
    await events.devices.register({ userId, deviceId: 'tablet', platform: 'APNS', endpointArn: arn(3) });
    const listed = await events.devices.list(userId);
    expect(listed.map((device) => [device.deviceId, device.endpointArn])).toEqual([
      ['phone', arn(2)],
      ['tablet', arn(3)],
    ]);
    await events.devices.remove(userId, 'phone');
    await events.devices.remove(userId, 'phone');
    expect((await events.devices.list(userId)).map((device) => device.deviceId)).toEqual(['tablet']);
    await expect(
      events.devices.register({ userId, deviceId: 'x', platform: 'GCM', endpointArn: 'not-an-arn' }),
    ).rejects.toMatchObject({ field: 'device.endpointArn' });
  });
});
