import {
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { CheckpointStore } from './checkpoint-store.ts';
import { passesFilter, type RecordFilter } from './filter-criteria.ts';
import { PollLoop, type PollLoopOptions, type PollResult } from './poll-loop.ts';
import {
  type DiscardedStreamBatch,
  deliverStreamBatch,
  type StreamBatchOutcome,
  type StreamRetryPolicy,
} from './stream-batch-delivery.ts';
import { type StreamRecord, streamRecordOf } from './stream-record.ts';
import {
  describeShards,
  type StartingPosition,
  shardIterator,
  type TrackedShard,
  trackShard,
} from './stream-shards.ts';

export interface StreamPollerSettings {
  readonly name: string;
  /** The key of this consumer's checkpoints (a mapping's UUID, a pipe's ARN). */
  readonly consumerId: string;
  readonly streamArn: string;
  readonly region: string;
  readonly batchSize: number;
  readonly startingPosition: StartingPosition;
  readonly startingTimestamp?: Date;
  readonly filter: RecordFilter;
  readonly retry: StreamRetryPolicy;
}

export interface StreamPollerTiming extends Omit<PollLoopOptions, 'log'> {
  /** How often the shard list is read again (new shards, closed shards). */
  readonly shardRefreshMs: number;
  /** First pause before retrying a failed batch; doubles up to `maxBackoffMs`. */
  readonly retryDelayMs: number;
}

/** The consumer of a stream poller: a mapping's function, a pipe's enrichment and target. */
export interface StreamConsumer {
  consume(records: readonly StreamRecord[]): Promise<StreamBatchOutcome>;
  /** Receives the records given up on, with the shard they came from. */
  discard(batch: DiscardedStreamBatch & { readonly shardId: string }): Promise<void>;
}

/**
 * Lambda's DynamoDB Streams poller for one mapping or pipe: reads every shard (children only after
 * their parent is read to its end, so a key's records stay in order), picks up new shards, filters,
 * delivers each batch with {@link deliverStreamBatch}, and checkpoints after each delivered record
 * (in memory, and in the checkpoint file when there is one), so a restart resumes where it stopped.
 */
export class StreamPoller {
  readonly #loop: PollLoop;
  readonly #shards = new Map<string, TrackedShard>();
  #lastRefresh = 0;
  #discovered = false;
  readonly #ready: Promise<void>;
  #markReady: () => void = () => {};

  constructor(
    private readonly settings: StreamPollerSettings,
    private readonly client: DynamoDBStreamsClient,
    private readonly checkpoints: CheckpointStore,
    private readonly consumer: StreamConsumer,
    private readonly timing: StreamPollerTiming,
    private readonly log: (line: string) => void,
  ) {
    this.#ready = new Promise((resolve) => {
      this.#markReady = resolve;
    });
    this.#loop = new PollLoop(settings.name, (signal) => this.#turn(signal), { ...timing, log });
  }

  start(): void {
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Resolves once every open shard has an iterator: records written from then on will be delivered. */
  whenPolling(): Promise<void> {
    return this.#ready;
  }

  async #turn(signal: AbortSignal): Promise<PollResult> {
    if (!this.#discovered || Date.now() - this.#lastRefresh >= this.timing.shardRefreshMs)
      await this.#refresh(signal);
    let busy = false;
    for (const shard of this.#shards.values()) {
      if (signal.aborted) break;
      if (shard.finished || !this.#parentFinished(shard)) continue;
      shard.iterator ??= await shardIterator(this.client, this.settings.streamArn, shard, signal);
    }
    this.#markReady();
    for (const shard of this.#shards.values()) {
      if (signal.aborted) break;
      if (shard.finished || shard.iterator === undefined || !this.#parentFinished(shard)) continue;
      if (await this.#readShard(shard, signal)) busy = true;
    }
    return busy ? 'busy' : 'idle';
  }

  #parentFinished(shard: TrackedShard): boolean {
    const parent = shard.parentShardId === undefined ? undefined : this.#shards.get(shard.parentShardId);
    return parent === undefined || parent.finished;
  }

  async #refresh(signal: AbortSignal): Promise<void> {
    const shards = await describeShards(this.client, this.settings.streamArn, signal);
    const saved = this.checkpoints.of(this.settings.consumerId);
    for (const shard of shards) {
      if (shard.ShardId === undefined || this.#shards.has(shard.ShardId)) continue;
      const tracked = trackShard(
        shard,
        saved[shard.ShardId],
        !this.#discovered,
        this.settings.startingPosition,
      );
      if (tracked) this.#shards.set(tracked.shardId, tracked);
    }
    this.#discovered = true;
    this.#lastRefresh = Date.now();
  }

  /** One GetRecords on a shard and the delivery of what it returned; true when there were records. */
  async #readShard(shard: TrackedShard, signal: AbortSignal): Promise<boolean> {
    const { streamArn, region, batchSize, filter, startingTimestamp } = this.settings;
    let response: GetRecordsCommandOutput;
    try {
      response = await this.client.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: batchSize }),
        {
          abortSignal: signal,
        },
      );
    } catch (error) {
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        // Get a new iterator from the checkpoint (or the trim horizon) on the next turn.
        const saved = this.checkpoints.of(this.settings.consumerId)[shard.shardId];
        shard.start =
          saved !== undefined && 'after' in saved && error instanceof ExpiredIteratorException
            ? { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: saved.after }
            : { type: 'TRIM_HORIZON' };
        shard.iterator = undefined;
        return false;
      }
      throw error;
    }
    const records = (response.Records ?? []).map((record) => streamRecordOf(record, streamArn, region));
    const fromTime = startingTimestamp === undefined ? undefined : startingTimestamp.getTime() / 1000;
    const passing = records.filter(
      (record) =>
        (fromTime === undefined || (record.dynamodb.ApproximateCreationDateTime ?? fromTime) >= fromTime) &&
        passesFilter(filter, record),
    );
    const delivered = await deliverStreamBatch(passing, {
      consume: async (batch) => {
        const outcome = await this.consumer.consume(batch);
        if (outcome.kind === 'failed')
          this.log(`${this.settings.name}: batch of ${batch.length} failed: ${outcome.reason}`);
        return outcome;
      },
      discard: (batch) => this.consumer.discard({ ...batch, shardId: shard.shardId }),
      policy: this.settings.retry,
      retryDelayMs: (attempt) =>
        Math.min(this.timing.retryDelayMs * 2 ** (attempt - 1), this.timing.maxBackoffMs),
      signal,
      checkpoint: (record) => this.#checkpoint(shard, record.dynamodb.SequenceNumber),
    });
    if (!delivered) return false;
    const end = records[records.length - 1];
    if (end) this.#checkpoint(shard, end.dynamodb.SequenceNumber);
    shard.iterator = response.NextShardIterator;
    if (shard.iterator === undefined) {
      shard.finished = true;
      this.checkpoints.set(this.settings.consumerId, shard.shardId, { finished: true });
    }
    return records.length > 0;
  }

  #checkpoint(shard: TrackedShard, sequenceNumber: string): void {
    this.checkpoints.set(this.settings.consumerId, shard.shardId, { after: sequenceNumber });
  }
}
