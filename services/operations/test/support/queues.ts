import { createObservability } from '@stratum/runtime';
import { type DeadLetterQueueEntry, DeadLetterQueueList } from '../../src/queues/dead-letter-queue-list.ts';

const ACCOUNT = '111122223333';
const queueUrl = (name: string) => `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${name}`;
const queueArn = (name: string) => `arn:aws:sqs:eu-west-1:${ACCOUNT}:${name}`;

export const NOTIFICATIONS_SOURCE_ARN = queueArn('notifications-queue');
export const ANALYTICS_FUNCTION_ARN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:analytics`;
export const COMPLETION_FUNCTION_ARN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:transcode-completion`;
export const CLEANUP_FUNCTION_ARN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:todo-media-cleanup`;

/** One queue of each kind, as infra writes them. */
export const ENTRIES: readonly DeadLetterQueueEntry[] = [
  {
    name: 'notifications',
    feeds: 'notifications that failed 5 receives',
    kind: 'sqs-queue',
    queueUrl: queueUrl('notifications-dlq'),
    queueArn: queueArn('notifications-dlq'),
    sourceArn: NOTIFICATIONS_SOURCE_ARN,
  },
  {
    name: 'analytics',
    feeds: 'events analytics could not count',
    kind: 'lambda-async',
    queueUrl: queueUrl('analytics-dlq'),
    queueArn: queueArn('analytics-dlq'),
    functionArns: [ANALYTICS_FUNCTION_ARN],
  },
  {
    name: 'table-stream-pipe',
    feeds: 'stream batches the pipe could not deliver',
    kind: 'pipe',
    queueUrl: queueUrl('pipe-dlq'),
    queueArn: queueArn('pipe-dlq'),
    sourceArn: `arn:aws:pipes:eu-west-1:${ACCOUNT}:pipe/stream`,
  },
  {
    name: 'media-events',
    feeds: 'transcode completions and media cleanups that failed',
    kind: 'lambda-async',
    queueUrl: queueUrl('media-events-dlq'),
    queueArn: queueArn('media-events-dlq'),
    functionArns: [COMPLETION_FUNCTION_ARN, CLEANUP_FUNCTION_ARN],
  },
];

export const queueList = () => new DeadLetterQueueList(ENTRIES);

export function silentLogger() {
  const { logger } = createObservability('operations-test');
  logger.setLogLevel('SILENT');
  return logger;
}

/** The Lambda on-failure record of an asynchronous invocation that exhausted its retries. */
export function lambdaFailureRecord(event: unknown, functionArn = ANALYTICS_FUNCTION_ARN) {
  return JSON.stringify({
    version: '1.0',
    timestamp: '2030-01-01T00:00:00.000Z',
    requestContext: {
      requestId: 'r-1',
      functionArn: `${functionArn}:$LATEST`,
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
    },
    requestPayload: event,
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: { errorType: 'TransactionCanceledException', errorMessage: 'Transaction cancelled' },
  });
}

export const domainEvent = (id: string) => ({
  version: '0',
  id,
  'detail-type': 'TodoCreated',
  source: 'stratum.todo',
  detail: { tenantId: 't-1' },
});
