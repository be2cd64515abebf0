import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { sleep } from './abortable-sleep.ts';
import { passesFilter, type RecordFilter, sqsFilterView } from './filter-criteria.ts';
import { PollLoop, type PollLoopOptions, type PollResult } from './poll-loop.ts';
import type { SqsQueueSender } from './queue-sender.ts';
import { type SqsRecord, sqsRecordOf } from './sqs-record.ts';

/** What the consumer made of a batch: every message done, some failed (ids), or all failed. */
export type SqsBatchOutcome =
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'partial'; readonly failedMessageIds: readonly string[] }
  | { readonly kind: 'failed'; readonly reason: string };

export interface SqsPollerSettings {
  readonly name: string;
  readonly queueArn: string;
  readonly region: string;
  /** Messages per batch (Lambda: 1-10 000; above 10 needs a batching window). */
  readonly batchSize: number;
  /** How long to gather messages before invoking (`MaximumBatchingWindowInSeconds`). */
  readonly batchingWindowMs: number;
  readonly filter: RecordFilter;
}

export interface SqsPollerTiming extends Omit<PollLoopOptions, 'log'> {
  /** `WaitTimeSeconds` of each ReceiveMessage (Lambda long-polls for 20 s). */
  readonly waitTimeSeconds: number;
}

/**
 * Lambda's SQS poller for one mapping or pipe: long-polls the queue, hands batches to `consume`, and
 * deletes what was processed. Messages that fail are left alone: they come back after the queue's
 * visibility timeout with a higher `ApproximateReceiveCount`, and the queue's own redrive policy
 * (enforced by the engine on receive, as SQS does) moves them to the DLQ after `maxReceiveCount`.
 * Messages the filter rejects are deleted, as Lambda does. One batch at a time per poller.
 */
export class SqsPoller {
  readonly #loop: PollLoop;

  constructor(
    private readonly settings: SqsPollerSettings,
    private readonly client: SQSClient,
    private readonly queues: SqsQueueSender,
    private readonly consume: (records: readonly SqsRecord[]) => Promise<SqsBatchOutcome>,
    timing: SqsPollerTiming,
    private readonly log: (line: string) => void,
  ) {
    this.#loop = new PollLoop(settings.name, (signal) => this.#turn(signal, timing.waitTimeSeconds), {
      ...timing,
      log,
    });
  }

  start(): void {
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  async #turn(signal: AbortSignal, waitTimeSeconds: number): Promise<PollResult> {
    const queueUrl = await this.queues.urlOf(this.settings.queueArn, signal);
    const messages = await this.#gather(queueUrl, signal, waitTimeSeconds);
    if (messages.length === 0) return 'idle';
    const records = messages.map((message) =>
      sqsRecordOf(message, this.settings.queueArn, this.settings.region),
    );
    const passing = records.filter((record) => passesFilter(this.settings.filter, sqsFilterView(record)));
    const filteredOut = records.filter((record) => !passing.includes(record));
    if (filteredOut.length > 0) await this.#delete(queueUrl, filteredOut);
    if (passing.length === 0) return 'busy';
    // A stop while the consumer runs lets it finish: its messages are then deleted or left as it says.
    const outcome = await this.consume(passing);
    if (outcome.kind === 'failed') {
      this.log(
        `${this.settings.name}: batch of ${passing.length} failed (${outcome.reason}); left for redelivery`,
      );
      return 'busy';
    }
    const failed = new Set(outcome.kind === 'partial' ? outcome.failedMessageIds : []);
    await this.#delete(
      queueUrl,
      passing.filter((record) => !failed.has(record.messageId)),
    );
    return 'busy';
  }

  /** Receives up to `batchSize` messages, for at most the batching window after the first arrives. */
  async #gather(queueUrl: string, signal: AbortSignal, waitTimeSeconds: number): Promise<Message[]> {
    const { batchSize, batchingWindowMs } = this.settings;
    const messages: Message[] = [];
    let deadline: number | undefined;
    while (messages.length < batchSize && !signal.aborted) {
      const remainingMs = deadline === undefined ? undefined : deadline - Date.now();
      if (remainingMs !== undefined && remainingMs <= 0) break;
      const wait =
        remainingMs === undefined
          ? waitTimeSeconds
          : Math.min(waitTimeSeconds, Math.floor(remainingMs / 1000));
      const received = await this.#receive(queueUrl, Math.min(10, batchSize - messages.length), wait, signal);
      for (const message of received) {
        // A message whose visibility ran out during the window comes again: keep its newest receipt handle.
        const earlier = messages.findIndex((kept) => kept.MessageId === message.MessageId);
        if (earlier === -1) messages.push(message);
        else messages[earlier] = message;
      }
      if (messages.length === 0) return messages;
      if (batchingWindowMs === 0) break;
      deadline ??= Date.now() + batchingWindowMs;
      if (received.length === 0 && wait === 0) await sleep(Math.min(100, deadline - Date.now()), signal);
    }
    return messages;
  }

  async #receive(
    queueUrl: string,
    max: number,
    waitTimeSeconds: number,
    signal: AbortSignal,
  ): Promise<Message[]> {
    try {
      const { Messages } = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: max,
          WaitTimeSeconds: waitTimeSeconds,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
        { abortSignal: signal },
      );
      return Messages ?? [];
    } catch (error) {
      if (signal.aborted) return [];
      throw error;
    }
  }

  async #delete(queueUrl: string, records: readonly SqsRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += 10) {
      const chunk = records.slice(start, start + 10);
      const { Failed } = await this.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
        }),
      );
      for (const failure of Failed ?? []) {
        this.log(
          `${this.settings.name}: could not delete a message: ${failure.Code ?? ''} ${failure.Message ?? ''}`,
        );
      }
    }
  }
}
