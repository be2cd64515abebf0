import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where a consumer stands in one shard: after a sequence number, or finished (a closed shard read to its end). */
export type ShardCheckpoint = { readonly after: string } | { readonly finished: true };

/**
 * Stream positions per consumer (a mapping's UUID or a pipe's ARN) and shard, kept in memory and,
 * when given a file, written through to it (atomically: temp file + rename) so a restarted sandbox
 * resumes where it stopped instead of skipping to LATEST or replaying the whole stream.
 *
 * @example
 * ```ts
 * const checkpoints = new CheckpointStore('.stratum/stream-checkpoints.json');
 * checkpoints.set('mapping-id', 'shardId-0001', { after: '000000000000000000042' });
 * ```
 */
export class CheckpointStore {
  readonly #consumers: Record<string, Record<string, ShardCheckpoint>>;

  constructor(private readonly file?: string) {
    this.#consumers = file === undefined ? {} : readCheckpointFile(file);
  }

  /** The consumer's checkpoints by shard id (empty for a consumer never seen). */
  of(consumer: string): Readonly<Record<string, ShardCheckpoint>> {
    return this.#consumers[consumer] ?? {};
  }

  set(consumer: string, shardId: string, checkpoint: ShardCheckpoint): void {
    this.#consumers[consumer] = { ...this.#consumers[consumer], [shardId]: checkpoint };
    if (this.file === undefined) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.#consumers, null, 2));
    renameSync(temporary, this.file);
  }
}

function readCheckpointFile(file: string): Record<string, Record<string, ShardCheckpoint>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} is not a checkpoint file (expected a JSON object); delete it to start afresh`);
  }
  return parsed as Record<string, Record<string, ShardCheckpoint>>;
}
