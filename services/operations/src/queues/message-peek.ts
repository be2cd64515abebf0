import {
  ChangeMessageVisibilityBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Observability } from '@stratum/runtime';
import type { DeadLetterQueueEntry } from './dead-letter-queue-list.ts';
import { type FailureReason, failureReasonOf } from './failure-reason.ts';

/** Long enough for the few receives of one peek; the messages are released right after anyway. */
export const PEEK_VISIBILITY_SECONDS = 30;
export const MAX_PEEK = 10;

export interface PeekedMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: string;
  readonly receiveCount: number;
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
  readonly failure: FailureReason | null;
}

/**
 * Reads up to `max` messages without consuming them. SQS has no read-only peek: a receive hides
 * a message for its visibility timeout and counts a receive. So the messages are received under a
 * short timeout (30 s: repeated receives then return different messages, not the same ones
 * again), and released at once with ChangeMessageVisibility 0, so a redrive started right after
 * sees every message. Released or not, none is deleted: if the release fails they reappear
 * after 30 s by themselves. A DLQ has no consumer and no redrive policy of its own, so the
 * receive counts this adds change nothing.
 */
export async function peekMessages(
  sqs: SQSClient,
  queue: DeadLetterQueueEntry,
  max: number,
  logger: Observability['logger'],
): Promise<PeekedMessage[]> {
  const received = new Map<string, Message>();
  while (received.size < max) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queue.queueUrl,
        MaxNumberOfMessages: Math.min(MAX_PEEK, max - received.size),
        VisibilityTimeout: PEEK_VISIBILITY_SECONDS,
        // Long polling asks every SQS host, so a small queue is not missed; 1 s bounds the wait.
        WaitTimeSeconds: received.size === 0 ? 1 : 0,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    const fresh = Messages.filter((message) => message.MessageId && !received.has(message.MessageId));
    if (fresh.length === 0) break;
    for (const message of fresh) received.set(message.MessageId ?? '', message);
  }
  const messages = [...received.values()];
  await release(sqs, queue, messages, logger);
  return messages.map(toPeeked).sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

async function release(
  sqs: SQSClient,
  queue: DeadLetterQueueEntry,
  messages: readonly Message[],
  logger: Observability['logger'],
): Promise<void> {
  const entries = messages.flatMap((message, index) =>
    message.ReceiptHandle
      ? [{ Id: String(index), ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }]
      : [],
  );
  if (entries.length === 0) return;
  try {
    const result = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({ QueueUrl: queue.queueUrl, Entries: entries }),
    );
    if (result.Failed && result.Failed.length > 0) {
      logger.warn('Some peeked messages were not released; they reappear after the visibility timeout', {
        queue: queue.name,
        failed: result.Failed,
      });
    }
  } catch (error) {
    logger.warn('Peeked messages were not released; they reappear after the visibility timeout', {
      queue: queue.name,
      error,
    });
  }
}

function toPeeked(message: Message): PeekedMessage {
  const system = (message.Attributes ?? {}) as Record<string, string>;
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    if (value.StringValue !== undefined) attributes[name] = value.StringValue;
    else if (value.BinaryValue !== undefined)
      attributes[name] = Buffer.from(value.BinaryValue).toString('base64');
  }
  const body = message.Body ?? '';
  const sent = Number(system.SentTimestamp);
  return {
    messageId: message.MessageId ?? '',
    body,
    sentAt: new Date(Number.isFinite(sent) ? sent : 0).toISOString(),
    receiveCount: Number(system.ApproximateReceiveCount ?? 0),
    attributes: Object.entries(attributes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value })),
    failure: failureReasonOf(body, attributes, system),
  };
}
