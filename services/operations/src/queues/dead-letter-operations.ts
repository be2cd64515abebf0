import type { LambdaClient } from '@aws-sdk/client-lambda';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Observability } from '@stratum/runtime';
import { BadUserInputError } from '../errors.ts';
import type { DeadLetterQueueEntry, DeadLetterQueueList } from './dead-letter-queue-list.ts';
import { redriveToFunction } from './function-redrive.ts';
import { MAX_PEEK, type PeekedMessage, peekMessages } from './message-peek.ts';
import { latestMoveTask, type MoveTask, startMoveToSource } from './move-tasks.ts';
import { type RedriveMode, type RedrivePolicy, redrivePolicyOf } from './redrive-policy.ts';

export interface DeadLetterQueueStatus {
  readonly entry: DeadLetterQueueEntry;
  readonly approximateDepth: number;
  readonly approximateInFlight: number;
  readonly oldestMessageAgeSeconds: number | null;
  readonly redrive: RedrivePolicy;
  readonly lastMoveTask: MoveTask | null;
}

export interface RedriveOutcome {
  readonly queue: string;
  readonly mode: RedriveMode;
  readonly moveTask: MoveTask | null;
  readonly reinvoked: number;
  readonly skipped: number;
  readonly summary: string;
}

export interface DeadLetterOperationsOptions {
  readonly queues: DeadLetterQueueList;
  readonly sqs: SQSClient;
  readonly lambda: LambdaClient;
  readonly logger: Observability['logger'];
  /** @default Date.now */
  readonly now?: () => number;
}

/** The stage's dead-letter queues, by friendly name: status, peek and redrive. */
export class DeadLetterOperations {
  private readonly now: () => number;

  constructor(private readonly options: DeadLetterOperationsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Every queue of the allow-list, in its order, read in parallel. */
  list(): Promise<DeadLetterQueueStatus[]> {
    return Promise.all(this.options.queues.entries.map((entry) => this.status(entry)));
  }

  async peek(queueName: string, max: number): Promise<PeekedMessage[]> {
    if (!Number.isInteger(max) || max < 1 || max > MAX_PEEK) {
      throw new BadUserInputError('max', `Invalid max: expected an integer from 1 to ${MAX_PEEK}.`);
    }
    const { sqs, logger } = this.options;
    return peekMessages(sqs, this.entry(queueName), max, logger);
  }

  async redrive(queueName: string): Promise<RedriveOutcome> {
    const entry = this.entry(queueName);
    const policy = redrivePolicyOf(entry.kind);
    const { sqs, lambda, logger } = this.options;
    switch (policy.mode) {
      case 'NONE':
        throw new BadUserInputError('queue', `${entry.name} cannot be redriven: ${policy.explanation}`);
      case 'MOVE_TO_SOURCE': {
        const moveTask = await startMoveToSource(sqs, entry);
        logger.info('Message move task started', { queue: entry.name, taskHandle: moveTask.taskHandle });
        return {
          queue: entry.name,
          mode: policy.mode,
          moveTask,
          reinvoked: 0,
          skipped: 0,
          summary: `Moving the messages of ${entry.name} back to ${nameOf(entry.sourceArn)}.`,
        };
      }
      case 'REINVOKE_FUNCTION': {
        const { reinvoked, skipped } = await redriveToFunction({ sqs, lambda, logger }, entry);
        const left =
          skipped > 0 ? ` ${skipped} named no function of this queue or held no event, and stay in it.` : '';
        const targets = (entry.functionArns ?? []).map(nameOf).join(', ');
        return {
          queue: entry.name,
          mode: policy.mode,
          moveTask: null,
          reinvoked,
          skipped,
          summary: `${reinvoked} event(s) sent again to ${targets}.${left}`,
        };
      }
    }
  }

  /** Any name not on the allow-list is refused before a call to AWS. */
  private entry(queueName: string): DeadLetterQueueEntry {
    const entry = this.options.queues.find(queueName);
    if (!entry) {
      const known = this.options.queues.entries.map((queue) => queue.name).join(', ');
      throw new BadUserInputError('queue', `Unknown queue "${queueName}": expected one of ${known}.`);
    }
    return entry;
  }

  private async status(entry: DeadLetterQueueEntry): Promise<DeadLetterQueueStatus> {
    const { sqs, logger } = this.options;
    const redrive = redrivePolicyOf(entry.kind);
    const [{ Attributes = {} }, lastMoveTask] = await Promise.all([
      sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: entry.queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      ),
      redrive.mode === 'MOVE_TO_SOURCE' ? latestMoveTask(sqs, entry) : Promise.resolve(null),
    ]);
    const approximateDepth = Number(Attributes.ApproximateNumberOfMessages ?? 0);
    // SQS reports no age for a queue (CloudWatch does, per minute): the oldest of a peek is exact
    // for a DLQ holding ten messages or fewer, the usual case, and a lower bound beyond.
    const peeked = approximateDepth > 0 ? await peekMessages(sqs, entry, MAX_PEEK, logger) : [];
    const oldest = peeked[0];
    return {
      entry,
      approximateDepth,
      approximateInFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
      oldestMessageAgeSeconds: oldest
        ? Math.max(0, Math.floor((this.now() - Date.parse(oldest.sentAt)) / 1000))
        : null,
      redrive,
      lastMoveTask,
    };
  }
}

function nameOf(arn: string | undefined): string {
  return arn?.split(':').pop() ?? 'its source';
}
