export { type BatchResponse, readBatchResponse } from './batch-item-failures.ts';
export { CheckpointStore, type ShardCheckpoint } from './checkpoint-store.ts';
export { EventSourceDefinitionError, EventSourceError, UnknownEventSourceResourceError } from './errors.ts';
export {
  type EventSourceMappingInfo,
  EventSourceMappings,
  type EventSourceMappingsOptions,
} from './event-source-mappings.ts';
export { DEFAULT_EVENT_SOURCE_TIMING, type EventSourceTiming } from './event-source-timing.ts';
export { compileFilterCriteria, passesFilter, type RecordFilter, sqsFilterView } from './filter-criteria.ts';
export type { FunctionInvoker, FunctionResult } from './function-invoker.ts';
export type { MappingDefinition } from './mapping-definition.ts';
export { type QueueMessage, type QueueSender, SqsQueueSender } from './queue-sender.ts';
export { type SqsBatchOutcome, SqsPoller } from './sqs-poller.ts';
export type { SqsRecord } from './sqs-record.ts';
export type { DiscardedStreamBatch, StreamBatchOutcome, StreamRetryPolicy } from './stream-batch-delivery.ts';
export { type StreamConsumer, StreamPoller } from './stream-poller.ts';
export type { StreamRecord } from './stream-record.ts';
export type { StartingPosition } from './stream-shards.ts';
