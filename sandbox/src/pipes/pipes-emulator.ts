import { randomUUID } from 'node:crypto';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { CheckpointStore } from '../event-sources/checkpoint-store.ts';
import { EventSourceDefinitionError, UnknownEventSourceResourceError } from '../event-sources/errors.ts';
import {
  DEFAULT_EVENT_SOURCE_TIMING,
  type EventSourceTiming,
  sqsTiming,
  streamTiming,
} from '../event-sources/event-source-timing.ts';
import { messageOf } from '../event-sources/poll-loop.ts';
import { SqsQueueSender } from '../event-sources/queue-sender.ts';
import { SqsPoller } from '../event-sources/sqs-poller.ts';
import { StreamPoller } from '../event-sources/stream-poller.ts';
import { physicalNameOf } from '../template/physical-names.ts';
import type { ProviderRegistry } from '../template/resource-provider.ts';
import { type PipeDefinition, readPipeDefinition } from './pipe-definition.ts';
import { deliverPipeBatch, type PipeDependencies } from './pipe-delivery.ts';

export interface PipesEmulatorOptions extends Omit<PipeDependencies, 'queues'> {
  readonly sqs?: SQSClient;
  readonly streams?: DynamoDBStreamsClient;
  readonly checkpoints?: CheckpointStore;
  readonly timing?: Partial<EventSourceTiming>;
  readonly log?: (line: string) => void;
}

export interface PipeInfo {
  readonly name: string;
  readonly arn: string;
  readonly running: boolean;
  readonly definition: PipeDefinition;
}

interface Poller {
  start(): void;
  stop(): Promise<void>;
  whenPolling?(): Promise<void>;
}

/**
 * EventBridge Pipes for SQS and DynamoDB stream sources. Each running pipe reuses the event-source
 * pollers (batching, filters, stream ordering, retries, bisection, checkpoints) and hands each batch
 * to {@link deliverPipeBatch}. Stream batches that exhaust their retries go to the pipe's SQS
 * dead-letter queue as a description of the records (shard and sequence-number range).
 *
 * @example
 * ```ts
 * const pipes = new PipesEmulator({ invoker, sqs, streams, putEvents: (entries) => bus.putEvents(entries) });
 * await deployAssembly(assembly, { providers: { ...pipes.providers(), ...others } });
 * await pipes.stop();
 * ```
 */
export class PipesEmulator {
  readonly #pipes = new Map<string, { info: PipeInfo; poller?: Poller }>();
  readonly #timing: EventSourceTiming;
  readonly #checkpoints: CheckpointStore;
  readonly #queues: SqsQueueSender | undefined;
  readonly #log: (line: string) => void;
  #stopped = false;

  constructor(private readonly options: PipesEmulatorOptions) {
    this.#timing = { ...DEFAULT_EVENT_SOURCE_TIMING, ...options.timing };
    this.#checkpoints = options.checkpoints ?? new CheckpointStore();
    this.#queues = options.sqs === undefined ? undefined : new SqsQueueSender(options.sqs);
    this.#log = options.log ?? (() => {});
  }

  /** The template-engine provider of `AWS::Pipes::Pipe` (`Ref` is the name). */
  providers(): ProviderRegistry {
    return {
      'AWS::Pipes::Pipe': {
        create: (logicalId, properties, context) => {
          const name = physicalNameOf(properties, 'Name', logicalId, context, 64);
          const { region, accountId, stackName } = context.stack;
          const info = this.create(properties, {
            name,
            region,
            accountId,
            where: `${stackName}/${logicalId}`,
          });
          const now = new Date().toISOString();
          return {
            physicalId: info.name,
            attributes: {
              Arn: info.arn,
              CreationTime: now,
              LastModifiedTime: now,
              CurrentState: info.running ? 'RUNNING' : 'STOPPED',
              StateReason: '',
            },
          };
        },
      },
    };
  }

  /**
   * Creates a pipe and starts it when its `DesiredState` is `RUNNING` (the default).
   *
   * @throws EventSourceDefinitionError
   */
  create(
    properties: Readonly<Record<string, unknown>>,
    identity: {
      readonly name: string;
      readonly region: string;
      readonly accountId: string;
      readonly where?: string;
    },
  ): PipeInfo {
    const where = identity.where ?? `Pipe ${identity.name}`;
    const definition = readPipeDefinition(properties, identity.name, where);
    const missing = definition.source.kind === 'sqs' ? this.options.sqs : this.options.streams;
    if (missing === undefined)
      throw new EventSourceDefinitionError(where, [
        `the sandbox has no ${definition.source.kind} client wired`,
      ]);
    if (this.#pipes.has(identity.name))
      throw new EventSourceDefinitionError(where, ['a pipe with this name already exists']);
    const info: PipeInfo = {
      name: identity.name,
      arn: `arn:aws:pipes:${identity.region}:${identity.accountId}:pipe/${identity.name}`,
      running: definition.running,
      definition,
    };
    const entry: { info: PipeInfo; poller?: Poller } = { info };
    this.#pipes.set(info.name, entry);
    if (info.running && !this.#stopped) {
      entry.poller = this.#poller(info, identity.region);
      entry.poller.start();
    }
    return info;
  }

  list(): readonly PipeInfo[] {
    return [...this.#pipes.values()].map((entry) => entry.info);
  }

  /** Resolves once a stream-sourced pipe reads every open shard. */
  async whenPolling(name: string): Promise<void> {
    const entry = this.#pipes.get(name);
    if (entry === undefined) throw new UnknownEventSourceResourceError('pipe', name, [...this.#pipes.keys()]);
    await entry.poller?.whenPolling?.();
  }

  /** Stops every pipe after its batch in flight. Safe to call twice. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all([...this.#pipes.values()].map((entry) => entry.poller?.stop()));
  }

  #poller(info: PipeInfo, region: string): Poller {
    const { definition } = info;
    const deps: PipeDependencies = {
      ...this.options,
      ...(this.#queues !== undefined && { queues: this.#queues }),
    };
    const deliver = async (records: readonly unknown[]) => deliverPipeBatch(records, info, deps);
    const name = `pipe ${info.name}`;
    const source = definition.source;
    if (source.kind === 'sqs' && this.options.sqs !== undefined && this.#queues !== undefined) {
      return new SqsPoller(
        {
          name,
          queueArn: source.arn,
          region,
          batchSize: source.batchSize,
          batchingWindowMs: source.batchingWindowMs,
          filter: definition.filter,
        },
        this.options.sqs,
        this.#queues,
        async (records) => {
          try {
            await deliver(records);
            return { kind: 'succeeded' };
          } catch (error) {
            return { kind: 'failed', reason: messageOf(error) };
          }
        },
        sqsTiming(this.#timing),
        this.#log,
      );
    }
    if (source.kind !== 'dynamodb' || this.options.streams === undefined)
      throw new Error(`no poller for ${source.kind}`);
    return new StreamPoller(
      {
        name,
        consumerId: info.arn,
        streamArn: source.arn,
        region,
        batchSize: Math.min(source.batchSize, 1_000),
        startingPosition: source.startingPosition,
        filter: definition.filter,
        retry: source.retry,
      },
      this.options.streams,
      this.#checkpoints,
      {
        consume: async (records) => {
          try {
            await deliver(records);
            return { kind: 'succeeded' };
          } catch (error) {
            return { kind: 'failed', reason: messageOf(error) };
          }
        },
        discard: async (batch) => {
          const first = batch.records[0]?.dynamodb.SequenceNumber;
          const last = batch.records[batch.records.length - 1]?.dynamodb.SequenceNumber;
          if (source.deadLetterArn === undefined || this.#queues === undefined) {
            this.#log(
              `${name}: discarded stream records ${first}..${last} (${batch.condition}: ${batch.reason})`,
            );
            return;
          }
          await this.#queues.send({
            queueArn: source.deadLetterArn,
            body: JSON.stringify({
              version: '1.0',
              timestamp: new Date().toISOString(),
              context: {
                requestId: randomUUID(),
                pipeArn: info.arn,
                condition: batch.condition,
                errorMessage: batch.reason,
                approximateInvokeCount: batch.invocations,
              },
              DDBStreamBatchInfo: {
                shardId: batch.shardId,
                startSequenceNumber: first,
                endSequenceNumber: last,
                batchSize: batch.records.length,
                streamArn: source.arn,
              },
            }),
          });
        },
      },
      streamTiming(this.#timing),
      this.#log,
    );
  }
}
