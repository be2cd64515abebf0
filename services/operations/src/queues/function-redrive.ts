import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Observability } from '@stratum/runtime';
import type { DeadLetterQueueEntry } from './dead-letter-queue-list.ts';
import { redrivableEventOf } from './failure-reason.ts';

/** Messages handled by one call: ten receives; the operator calls again for more. */
export const MAX_REINVOKED_PER_CALL = 100;
/** Hides a batch while it is re-sent; longer than ten Invoke calls take. */
const REDRIVE_VISIBILITY_SECONDS = 60;

export interface FunctionRedriveOutcome {
  readonly reinvoked: number;
  readonly skipped: number;
}

export interface FunctionRedriveClients {
  readonly sqs: SQSClient;
  readonly lambda: LambdaClient;
  readonly logger: Observability['logger'];
}

/**
 * Re-sends each dead-lettered event to the function that failed it, as an asynchronous Invoke
 * (Lambda's own retries and on-failure destination apply again), and deletes the message once
 * Lambda accepted the event (202). A message whose body holds no original event, or whose function
 * is not one of the queue's, is skipped and released, never deleted. An Invoke error stops the redrive: the messages not yet re-sent are
 * released for the next attempt, and the error is raised.
 */
export async function redriveToFunction(
  clients: FunctionRedriveClients,
  queue: DeadLetterQueueEntry,
): Promise<FunctionRedriveOutcome> {
  const { sqs, logger } = clients;
  const functions = queue.functionArns ?? [];
  if (functions.length === 0) throw new Error(`${queue.name} has no function to redrive to`);
  let reinvoked = 0;
  const skipped: Message[] = [];
  try {
    while (reinvoked + skipped.length < MAX_REINVOKED_PER_CALL) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.queueUrl,
          MaxNumberOfMessages: Math.min(10, MAX_REINVOKED_PER_CALL - reinvoked - skipped.length),
          VisibilityTimeout: REDRIVE_VISIBILITY_SECONDS,
          WaitTimeSeconds: reinvoked + skipped.length === 0 ? 1 : 0,
          MessageAttributeNames: ['TARGET_ARN'],
        }),
      );
      if (Messages.length === 0) break;
      const { sent, error } = await invokeEach(clients, functions, Messages, skipped);
      if (sent.length > 0) await deleteSent(sqs, queue, sent);
      reinvoked += sent.length;
      if (error !== undefined) throw error;
    }
  } finally {
    await release(sqs, queue, skipped, logger);
  }
  logger.info('Dead letters re-sent to their function', {
    queue: queue.name,
    reinvoked,
    skipped: skipped.length,
  });
  return { reinvoked, skipped: skipped.length };
}

/** Invokes for each message in turn; stops at the first error and returns what was sent before it. */
async function invokeEach(
  clients: FunctionRedriveClients,
  functions: readonly string[],
  messages: readonly Message[],
  skipped: Message[],
): Promise<{ sent: Message[]; error?: unknown }> {
  const sent: Message[] = [];
  for (const [index, message] of messages.entries()) {
    const target = targetOf(message, functions);
    if (target === undefined) {
      skipped.push(message);
      continue;
    }
    try {
      await clients.lambda.send(
        new InvokeCommand({
          FunctionName: target.functionArn,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(target.event)),
        }),
      );
    } catch (error) {
      // Not re-sent: back to the queue now, with the rest of the batch, rather than in 60 s.
      skipped.push(...messages.slice(index));
      return { sent, error };
    }
    sent.push(message);
  }
  return { sent };
}

/**
 * The function a message goes back to: the one it names, if it is one of the queue's functions;
 * the queue's only function when the message names none. Otherwise none: a message naming a
 * function this queue does not serve is left alone rather than sent somewhere it was not meant for.
 */
function targetOf(
  message: Message,
  functions: readonly string[],
): { event: unknown; functionArn: string } | undefined {
  const target = message.MessageAttributes?.TARGET_ARN?.StringValue;
  const redrivable = redrivableEventOf(message.Body ?? '', target ? { TARGET_ARN: target } : {});
  if (!redrivable) return undefined;
  if (redrivable.functionArn) {
    return functions.includes(redrivable.functionArn)
      ? { event: redrivable.event, functionArn: redrivable.functionArn }
      : undefined;
  }
  const [only] = functions;
  return functions.length === 1 && only ? { event: redrivable.event, functionArn: only } : undefined;
}

async function deleteSent(sqs: SQSClient, queue: DeadLetterQueueEntry, sent: readonly Message[]) {
  await sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl: queue.queueUrl,
      Entries: sent.map((message, index) => ({
        Id: String(index),
        ReceiptHandle: message.ReceiptHandle ?? '',
      })),
    }),
  );
}

async function release(
  sqs: SQSClient,
  queue: DeadLetterQueueEntry,
  messages: readonly Message[],
  logger: Observability['logger'],
): Promise<void> {
  for (let start = 0; start < messages.length; start += 10) {
    const entries = messages.slice(start, start + 10).map((message, index) => ({
      Id: String(index),
      ReceiptHandle: message.ReceiptHandle ?? '',
      VisibilityTimeout: 0,
    }));
    try {
      await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: queue.queueUrl, Entries: entries }));
    } catch (error) {
      logger.warn('Messages not re-sent were not released; they reappear after the visibility timeout', {
        queue: queue.name,
        error,
      });
    }
  }
}
