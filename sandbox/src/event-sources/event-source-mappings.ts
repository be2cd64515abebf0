import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { ProviderRegistry } from '../template/resource-provider.ts';
import { CheckpointStore } from './checkpoint-store.ts';
import { EventSourceDefinitionError, UnknownEventSourceResourceError } from './errors.ts';
import {
  DEFAULT_EVENT_SOURCE_TIMING,
  type EventSourceTiming,
  sqsTiming,
  streamTiming,
} from './event-source-timing.ts';
import { sqsFunctionConsumer, streamFunctionConsumer } from './function-consumers.ts';
import type { FunctionInvoker } from './function-invoker.ts';
import { type MappingDefinition, readMappingDefinition } from './mapping-definition.ts';
import { SqsQueueSender } from './queue-sender.ts';
import { SqsPoller } from './sqs-poller.ts';
import { stableUuid } from './stable-id.ts';
import { StreamPoller } from './stream-poller.ts';

export interface EventSourceMappingsOptions {
  readonly invoker: FunctionInvoker;
  /** Needed by SQS sources and SQS on-failure destinations. */
  readonly sqs?: SQSClient;
  /** Needed by DynamoDB stream sources. */
  readonly streams?: DynamoDBStreamsClient;
  /** Stream positions; give one with a file so a restart resumes. @default in memory */
  readonly checkpoints?: CheckpointStore;
  readonly timing?: Partial<EventSourceTiming>;
  readonly log?: (line: string) => void;
}

/** A mapping as the console and tests see it. */
export interface EventSourceMappingInfo {
  readonly uuid: string;
  readonly arn: string;
  readonly functionName: string;
  readonly eventSourceArn: string;
  readonly enabled: boolean;
  readonly definition: MappingDefinition;
}

interface Poller {
  start(): void;
  stop(): Promise<void>;
  whenPolling?(): Promise<void>;
}

interface Mapping {
  info: EventSourceMappingInfo;
  poller?: Poller;
}

/**
 * Lambda's event-source mappings for SQS queues and DynamoDB streams: each enabled mapping gets its own
 * poller (one batch in flight at a time, which is all a laptop needs; `ScalingConfig` and
 * `ParallelizationFactor` are accepted and not applied). `stop()` ends every poller cleanly.
 *
 * @example
 * ```ts
 * const mappings = new EventSourceMappings({ invoker, sqs, streams, log: console.log });
 * await deployAssembly(assembly, { providers: { ...mappings.providers(), ...others } });
 * // ...
 * await mappings.stop();
 * ```
 */
export class EventSourceMappings {
  readonly #mappings = new Map<string, Mapping>();
  readonly #timing: EventSourceTiming;
  readonly #checkpoints: CheckpointStore;
  readonly #queues: SqsQueueSender | undefined;
  readonly #log: (line: string) => void;
  #stopped = false;

  constructor(private readonly options: EventSourceMappingsOptions) {
    this.#timing = { ...DEFAULT_EVENT_SOURCE_TIMING, ...options.timing };
    this.#checkpoints = options.checkpoints ?? new CheckpointStore();
    this.#queues = options.sqs === undefined ? undefined : new SqsQueueSender(options.sqs);
    this.#log = options.log ?? (() => {});
  }

  /** The template-engine provider of `AWS::Lambda::EventSourceMapping` (`Ref` is the UUID). */
  providers(): ProviderRegistry {
    return {
      'AWS::Lambda::EventSourceMapping': {
        create: (logicalId, properties, context) => {
          const uuid = stableUuid(`${context.stack.stackId}/${logicalId}`);
          const { region, accountId } = context.stack;
          const info = this.create(properties, {
            uuid,
            region,
            accountId,
            where: `${context.stack.stackName}/${logicalId}`,
          });
          return { physicalId: info.uuid, attributes: { Id: info.uuid, EventSourceMappingArn: info.arn } };
        },
      },
    };
  }

  /**
   * Creates a mapping from its template properties and starts polling when it is enabled.
   *
   * @throws EventSourceDefinitionError for properties Lambda refuses or the sandbox does not emulate
   */
  create(
    properties: Readonly<Record<string, unknown>>,
    identity: {
      readonly uuid: string;
      readonly region: string;
      readonly accountId: string;
      readonly where?: string;
    },
  ): EventSourceMappingInfo {
    const where = identity.where ?? `EventSourceMapping ${identity.uuid}`;
    const definition = readMappingDefinition(properties, where);
    if (definition.kind === 'sqs' && this.options.sqs === undefined) {
      throw new EventSourceDefinitionError(where, ['the sandbox has no SQS client wired for SQS sources']);
    }
    if (definition.kind === 'dynamodb' && this.options.streams === undefined) {
      throw new EventSourceDefinitionError(where, ['the sandbox has no DynamoDB Streams client wired']);
    }
    const info: EventSourceMappingInfo = {
      uuid: identity.uuid,
      arn: `arn:aws:lambda:${identity.region}:${identity.accountId}:event-source-mapping:${identity.uuid}`,
      functionName: definition.functionName,
      eventSourceArn: definition.kind === 'sqs' ? definition.queueArn : definition.streamArn,
      enabled: definition.enabled,
      definition,
    };
    const mapping: Mapping = { info };
    this.#mappings.set(info.uuid, mapping);
    if (info.enabled && !this.#stopped) this.#startPoller(mapping, identity.region, identity.accountId);
    return info;
  }

  list(): readonly EventSourceMappingInfo[] {
    return [...this.#mappings.values()].map((mapping) => mapping.info);
  }

  /** Enables (starts polling) or disables (stops after the batch in flight) a mapping. */
  async setEnabled(uuid: string, enabled: boolean): Promise<void> {
    const mapping = this.#get(uuid);
    mapping.info = { ...mapping.info, enabled };
    if (!enabled) {
      await mapping.poller?.stop();
      mapping.poller = undefined;
    } else if (mapping.poller === undefined && !this.#stopped) {
      const [, , , region = '', accountId = ''] = mapping.info.arn.split(':');
      this.#startPoller(mapping, region, accountId);
    }
  }

  /** Resolves once a stream mapping reads every open shard (an SQS mapping polls at once). */
  async whenPolling(uuid: string): Promise<void> {
    await this.#get(uuid).poller?.whenPolling?.();
  }

  /** Stops every poller; batches in flight finish first. Safe to call twice. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all([...this.#mappings.values()].map((mapping) => mapping.poller?.stop()));
  }

  #get(uuid: string): Mapping {
    const mapping = this.#mappings.get(uuid);
    if (mapping === undefined)
      throw new UnknownEventSourceResourceError('event-source mapping', uuid, [...this.#mappings.keys()]);
    return mapping;
  }

  #startPoller(mapping: Mapping, region: string, accountId: string): void {
    const { definition, uuid, functionName } = mapping.info;
    const name = `event-source mapping ${uuid} (${functionName})`;
    const { sqs, streams, invoker } = this.options;
    if (definition.kind === 'sqs' && sqs !== undefined && this.#queues !== undefined) {
      mapping.poller = new SqsPoller(
        {
          name,
          queueArn: definition.queueArn,
          region,
          batchSize: definition.batchSize,
          batchingWindowMs: definition.batchingWindowMs,
          filter: definition.filter,
        },
        sqs,
        this.#queues,
        sqsFunctionConsumer(invoker, functionName, definition.reportBatchItemFailures),
        sqsTiming(this.#timing),
        this.#log,
      );
    } else if (definition.kind === 'dynamodb' && streams !== undefined) {
      const functionArn = functionName.startsWith('arn:')
        ? functionName
        : `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
      mapping.poller = new StreamPoller(
        {
          name,
          consumerId: uuid,
          streamArn: definition.streamArn,
          region,
          // DynamoDB Streams returns at most 1 000 records per GetRecords.
          batchSize: Math.min(definition.batchSize, 1_000),
          startingPosition: definition.startingPosition,
          ...(definition.startingTimestamp !== undefined && {
            startingTimestamp: definition.startingTimestamp,
          }),
          filter: definition.filter,
          retry: definition.retry,
        },
        streams,
        this.#checkpoints,
        streamFunctionConsumer({
          invoker,
          functionName,
          functionArn,
          reportBatchItemFailures: definition.reportBatchItemFailures,
          streamArn: definition.streamArn,
          ...(definition.onFailureArn !== undefined && { onFailureArn: definition.onFailureArn }),
          ...(this.#queues !== undefined && { queues: this.#queues }),
          log: this.#log,
        }),
        streamTiming(this.#timing),
        this.#log,
      );
    }
    mapping.poller?.start();
  }
}
