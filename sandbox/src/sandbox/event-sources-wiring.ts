import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { FunctionInvoker } from '../apigateway/function-invoker.ts';
import { CheckpointStore, EventSourceMappings, SqsQueueSender } from '../event-sources/index.ts';
import type { EventBusEmulator } from '../events/bus/index.ts';
import type { AsyncInvoker } from '../lambda/async-invoker.ts';
import { PipesEmulator } from '../pipes/index.ts';
import { SchedulerEmulator } from '../scheduler/index.ts';
import type { ProviderRegistry } from '../template/index.ts';

export interface EventSourcesOptions {
  readonly region: string;
  readonly accountId: string;
  /** DynamoDB Local's own URL (streams are read there directly). */
  readonly dynamodbUrl: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly sqs: SQSClient;
  readonly invoker: FunctionInvoker;
  readonly asyncInvoker: AsyncInvoker;
  readonly bus: EventBusEmulator;
  /** Stream positions, kept so that a restart resumes where the last run stopped. */
  readonly checkpointFile: string;
  readonly log: (line: string) => void;
}

/** Event-source mappings, Pipes and Scheduler, sharing one streams client and one checkpoint file. */
export class EventSources {
  readonly mappings: EventSourceMappings;
  readonly pipes: PipesEmulator;
  readonly scheduler: SchedulerEmulator;
  private readonly streams: DynamoDBStreamsClient;

  constructor(options: EventSourcesOptions) {
    const { region, credentials, sqs, invoker, log } = options;
    this.streams = new DynamoDBStreamsClient({ endpoint: options.dynamodbUrl, region, credentials });
    const checkpoints = new CheckpointStore(options.checkpointFile);
    const putEvents = (entries: Parameters<EventBusEmulator['putEvents']>[0]) =>
      options.bus.putEvents(entries);
    this.mappings = new EventSourceMappings({
      invoker,
      sqs,
      streams: this.streams,
      checkpoints,
      log: (line) => log(`event source: ${line}`),
    });
    this.pipes = new PipesEmulator({
      invoker,
      sqs,
      streams: this.streams,
      checkpoints,
      putEvents,
      log: (line) => log(`pipes: ${line}`),
    });
    this.scheduler = new SchedulerEmulator({
      location: { region, accountId: options.accountId },
      invokeFunction: (functionArn, event) => options.asyncInvoker.invoke(functionArn, event),
      putEvents,
      queues: new SqsQueueSender(sqs),
      log: (line) => log(`scheduler: ${line}`),
    });
  }

  providers(): ProviderRegistry {
    return { ...this.mappings.providers(), ...this.pipes.providers(), ...this.scheduler.providers() };
  }

  /** Starts the schedules' timers (mappings and pipes poll from creation). */
  start(): void {
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await Promise.all([this.pipes.stop(), this.mappings.stop()]);
    this.streams.destroy();
  }
}
