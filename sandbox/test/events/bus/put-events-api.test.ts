import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPutEventsHandler } from '../../../src/events/bus/index.ts';
import { busWith, FakeDispatcher, fnArn } from './fake-dispatcher.ts';

const dispatcher = new FakeDispatcher();
const bus = busWith(dispatcher);
let server: Server;
let endpoint: string;

beforeAll(async () => {
  bus.createEventBus({ Name: 'app' });
  bus.createRule(
    {
      EventBusName: 'app',
      EventPattern: { source: ['stratum.todo'] },
      Targets: [{ Id: 'f', Arn: fnArn('f') }],
    },
    'R',
  );
  const handler = createPutEventsHandler(bus);
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () =>
  new EventBridgeClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

describe('PutEvents over HTTP (AWS JSON 1.1)', () => {
  it('accepts entries from the AWS SDK and delivers them', async () => {
    const out = await client().send(
      new PutEventsCommand({
        Entries: [
          {
            Source: 'stratum.todo',
            DetailType: 'TodoCreated',
            Detail: '{"id":"1"}',
            EventBusName: 'app',
            Time: new Date('2025-01-01T00:00:00Z'),
          },
          { Source: 'stratum.todo', DetailType: 'TodoCreated', Detail: 'nope', EventBusName: 'app' },
        ],
      }),
    );
    expect(out.FailedEntryCount).toBe(1);
    expect(out.Entries?.[1]).toMatchObject({ ErrorCode: 'MalformedDetail' });
    await bus.drain();
    expect(dispatcher.bodiesFor(fnArn('f'))).toEqual([
      expect.objectContaining({
        id: out.Entries?.[0]?.EventId,
        time: '2025-01-01T00:00:00Z',
        detail: { id: '1' },
      }),
    ]);
  });

  it('maps a refused request to a ValidationException the SDK throws', async () => {
    const entries = Array.from({ length: 11 }, () => ({ Source: 's', DetailType: 'd', Detail: '{}' }));
    await expect(client().send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('answers other operations and bad bodies with protocol errors', async () => {
    const post = (target: string, body: string) =>
      fetch(endpoint, {
        method: 'POST',
        headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
        body,
      });
    const other = await post('AWSEvents.ListRules', '{}');
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const bad = await post('AWSEvents.PutEvents', '{');
    expect(await bad.json()).toMatchObject({ __type: 'SerializationException' });
    const shape = await post('AWSEvents.PutEvents', '{"Entries": 3}');
    expect(await shape.json()).toMatchObject({ __type: 'ValidationException' });
  });
});
