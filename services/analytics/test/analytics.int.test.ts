import { createEventDataStore } from '@stratum/data';
import {
  createLocalClient,
  createTable,
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '@stratum/dynamodb-local';
import { createObservability } from '@stratum/runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnalyticsHandler } from '../src/analytics-handler.ts';
import { asRuleDelivery, todoCreated } from './support/events.ts';

vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
let ddb: DynamoDbLocal | undefined;
let store: ReturnType<typeof createEventDataStore>;

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  await createTable(ddb.endpoint, 'stratum');
  store = createEventDataStore({ tableName: 'stratum', client: createLocalClient(ddb.endpoint) });
});

afterAll(async () => {
  await ddb?.stop();
});

describe('analytics against DynamoDB Local', () => {
  it('the same event delivered twice is counted once; another event counts', async () => {
    const handler = createAnalyticsHandler({
      analytics: () => store.analytics,
      ...createObservability('analytics-test'),
    });
    const event = asRuleDelivery(todoCreated('acme'));
    expect(await handler(event)).toEqual({ outcome: 'counted' });
    expect(await handler(structuredClone(event))).toEqual({ outcome: 'duplicate' });
    expect(await handler(asRuleDelivery(todoCreated('acme', 'c1b2c3d4e5f60718293a4b5c6d7e8f90')))).toEqual({
      outcome: 'counted',
    });
    const { totals, days } = await store.analytics.tenantAnalytics('acme', '2030-01-02', '2030-01-03');
    expect(totals.todosCreated).toBe(2);
    expect(days.map((day) => day.todosCreated)).toEqual([2, 0]);
  });
});
