import { readFileSync } from 'node:fs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import {
  ChangeMessageVisibilityBatchCommand,
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../gateway/src/composition/compose-supergraph.ts';
import { DEFAULT_OPERATION_LIMITS } from '../../gateway/src/execution/operation-limits.ts';
import type { InvokeSubgraph } from '../../gateway/src/execution/subgraph-invoker.ts';
import { createGatewaySchema } from '../../gateway/src/execution/supergraph-schema.ts';
import { createGatewayHandler } from '../../gateway/src/gateway-handler.ts';
import {
  type AuthorizerContext,
  httpEvent,
  principals,
} from '../../gateway/test/support/federated-harness.ts';
import { createOperationsHandler } from '../src/operations-handler.ts';
import { DeadLetterOperations } from '../src/queues/dead-letter-operations.ts';
import { ENTRIES, queueList, silentLogger } from './support/queues.ts';

const sqsMock = mockClient(SQSClient);
const schemaOf = (service: string) =>
  readFileSync(new URL(`../../${service}/src/schema.graphql`, import.meta.url), 'utf8');

/** The gateway over the real supergraph (users, todo, operations); operations runs in-process. */
function gateway() {
  const outcome = composeSupergraph(
    ['users', 'todo', 'operations'].map((name) => ({ name, sdl: schemaOf(name) })),
  );
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  const logger = silentLogger();
  const operations = createOperationsHandler({
    logger,
    deadLetters: new DeadLetterOperations({
      queues: queueList(),
      sqs: new SQSClient({ region: 'eu-west-1' }),
      lambda: new LambdaClient({ region: 'eu-west-1' }),
      logger,
    }),
  });
  const invoke: InvokeSubgraph = async (subgraph, invocation) => {
    if (subgraph !== 'operations') throw new Error(`unexpected subgraph ${subgraph}`);
    return JSON.parse(JSON.stringify(await operations(JSON.parse(JSON.stringify(invocation)))));
  };
  const handler = createGatewayHandler({
    schema: createGatewaySchema(outcome.supergraphSdl, invoke),
    limits: DEFAULT_OPERATION_LIMITS,
    maskErrors: true,
    graphiql: false,
    logger,
  });
  return async (principal: AuthorizerContext, query: string) => {
    const response = await handler(httpEvent({ principal, body: JSON.stringify({ query }) }));
    return JSON.parse(response.body ?? '{}');
  };
}

/** Every field, with valid AND invalid arguments: a customer gets FORBIDDEN either way. */
const OPERATIONS = [
  { name: 'deadLetterQueues', query: '{ deadLetterQueues { name approximateDepth } }' },
  {
    name: 'deadLetterMessages',
    query: '{ deadLetterMessages(queue: "analytics", max: 3) { messageId body } }',
  },
  { name: 'deadLetterMessages', query: '{ deadLetterMessages(queue: "nope", max: 99) { messageId } }' },
  {
    name: 'redriveDeadLetters',
    query: 'mutation { redriveDeadLetters(queue: "notifications") { summary } }',
  },
  { name: 'redriveDeadLetters', query: 'mutation { redriveDeadLetters(queue: "") { summary } }' },
];

beforeEach(() => {
  sqsMock.reset();
  sqsMock.on(GetQueueAttributesCommand).resolves({
    Attributes: { ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' },
  });
  sqsMock.on(ListMessageMoveTasksCommand).resolves({ Results: [] });
  sqsMock.on(ReceiveMessageCommand).resolves({});
  sqsMock
    .on(ReceiveMessageCommand, { QueueUrl: ENTRIES[0]?.queueUrl })
    .resolvesOnce({
      Messages: [
        {
          MessageId: 'm1',
          ReceiptHandle: 'rh',
          Body: '{"detail-type":"TodoCreated"}',
          Attributes: { SentTimestamp: String(Date.now() - 5000), ApproximateReceiveCount: '1' },
        },
      ],
    })
    .resolves({});
  sqsMock.on(ChangeMessageVisibilityBatchCommand).resolves({});
});

describe('operations through the gateway', () => {
  for (const [who, principal] of [
    ['an owner', principals.ownerA],
    ['a member', principals.memberA],
    ['a customer without a tenant', principals.noTenant],
  ] as const) {
    it(`refuses every field to ${who} with FORBIDDEN, and calls no AWS API`, async () => {
      const graphql = gateway();
      for (const operation of OPERATIONS) {
        const body = await graphql(principal, operation.query);
        expect(body.data, operation.query).toBeNull();
        expect(body.errors, operation.query).toEqual([
          expect.objectContaining({
            message: 'Only staff can call this operation.',
            path: [operation.name],
            extensions: { code: 'FORBIDDEN' },
          }),
        ]);
      }
      expect(sqsMock.calls()).toHaveLength(0);
    });
  }

  it('answers staff: the queues, a peek, and BAD_USER_INPUT on `queue` for a name off the list', async () => {
    const graphql = gateway();
    const list = await graphql(
      principals.staff,
      '{ deadLetterQueues { name kind approximateDepth oldestMessageAgeSeconds redrive { mode } } }',
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.deadLetterQueues).toEqual([
      {
        name: 'notifications',
        kind: 'SQS_QUEUE',
        approximateDepth: 1,
        oldestMessageAgeSeconds: expect.any(Number),
        redrive: { mode: 'MOVE_TO_SOURCE' },
      },
      {
        name: 'analytics',
        kind: 'LAMBDA_ASYNC',
        approximateDepth: 1,
        oldestMessageAgeSeconds: null,
        redrive: { mode: 'REINVOKE_FUNCTION' },
      },
      {
        name: 'table-stream-pipe',
        kind: 'PIPE',
        approximateDepth: 1,
        oldestMessageAgeSeconds: null,
        redrive: { mode: 'NONE' },
      },
      {
        name: 'media-events',
        kind: 'LAMBDA_ASYNC',
        approximateDepth: 1,
        oldestMessageAgeSeconds: null,
        redrive: { mode: 'REINVOKE_FUNCTION' },
      },
    ]);
    expect(list.data.deadLetterQueues[0].oldestMessageAgeSeconds).toBeGreaterThanOrEqual(5);
    expect(list.data.deadLetterQueues[0].oldestMessageAgeSeconds).toBeLessThan(30);

    const unknown = await graphql(principals.staff, '{ deadLetterMessages(queue: "orders") { messageId } }');
    expect(unknown.errors).toEqual([
      expect.objectContaining({
        message:
          'Unknown queue "orders": expected one of notifications, analytics, table-stream-pipe, media-events.',
        extensions: { code: 'BAD_USER_INPUT', field: 'queue' },
      }),
    ]);
  });
});
