import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetShardIteratorCommand,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { ShardCheckpoint } from './checkpoint-store.ts';

/** Where a consumer without a checkpoint starts reading (`StartingPosition`). */
export type StartingPosition = 'LATEST' | 'TRIM_HORIZON' | 'AT_TIMESTAMP';

/** One shard as a consumer sees it. */
export interface TrackedShard {
  readonly shardId: string;
  readonly parentShardId?: string;
  /** Set once the consumer has read the closed shard to its end (or skipped it). */
  finished: boolean;
  iterator?: string;
  /** How to get the first iterator: from a checkpoint, the trim horizon or the latest record. */
  start: { readonly type: ShardIteratorType; readonly sequenceNumber?: string };
}

/** Every shard of a stream (DescribeStream, paginated). */
export async function describeShards(
  client: DynamoDBStreamsClient,
  streamArn: string,
  signal: AbortSignal,
): Promise<Shard[]> {
  const shards: Shard[] = [];
  let exclusiveStart: string | undefined;
  do {
    const { StreamDescription } = await client.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStart }),
      { abortSignal: signal },
    );
    shards.push(...(StreamDescription?.Shards ?? []));
    exclusiveStart = StreamDescription?.LastEvaluatedShardId;
  } while (exclusiveStart !== undefined);
  return shards;
}

/**
 * How a shard is first read. A checkpoint wins; a shard that appears after the consumer started is
 * new data and is read from its start; at the first discovery `LATEST` skips closed shards and reads
 * open ones from the tip, `TRIM_HORIZON` (and `AT_TIMESTAMP`, which filters by creation time) reads all.
 */
export function trackShard(
  shard: Shard,
  checkpoint: ShardCheckpoint | undefined,
  firstDiscovery: boolean,
  position: StartingPosition,
): TrackedShard | undefined {
  const shardId = shard.ShardId;
  if (shardId === undefined) return undefined;
  const base = { shardId, ...(shard.ParentShardId !== undefined && { parentShardId: shard.ParentShardId }) };
  if (checkpoint !== undefined) {
    return 'finished' in checkpoint
      ? { ...base, finished: true, start: { type: 'TRIM_HORIZON' } }
      : {
          ...base,
          finished: false,
          start: { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: checkpoint.after },
        };
  }
  if (firstDiscovery && position === 'LATEST') {
    const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
    return { ...base, finished: closed, start: { type: 'LATEST' } };
  }
  return { ...base, finished: false, start: { type: 'TRIM_HORIZON' } };
}

export async function shardIterator(
  client: DynamoDBStreamsClient,
  streamArn: string,
  shard: TrackedShard,
  signal: AbortSignal,
): Promise<string | undefined> {
  const { ShardIterator } = await client.send(
    new GetShardIteratorCommand({
      StreamArn: streamArn,
      ShardId: shard.shardId,
      ShardIteratorType: shard.start.type,
      ...(shard.start.sequenceNumber !== undefined && { SequenceNumber: shard.start.sequenceNumber }),
    }),
    { abortSignal: signal },
  );
  return ShardIterator;
}
