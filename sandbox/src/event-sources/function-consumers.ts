import { randomUUID } from 'node:crypto';
import { readBatchResponse } from './batch-item-failures.ts';
import { describeFunctionError, type FunctionInvoker, type FunctionResult } from './function-invoker.ts';
import { messageOf } from './poll-loop.ts';
import type { QueueSender } from './queue-sender.ts';
import type { SqsBatchOutcome } from './sqs-poller.ts';
import type { SqsRecord } from './sqs-record.ts';
import type { DiscardedStreamBatch, StreamBatchOutcome } from './stream-batch-delivery.ts';
import type { StreamConsumer } from './stream-poller.ts';
import type { StreamRecord } from './stream-record.ts';

async function invokeSafely(
  invoker: FunctionInvoker,
  functionName: string,
  event: unknown,
): Promise<FunctionResult> {
  try {
    return await invoker.invoke(functionName, event);
  } catch (error) {
    return {
      payload: { errorType: 'InvokeError', errorMessage: messageOf(error) },
      functionError: 'Unhandled',
    };
  }
}

/** A mapping's function as the consumer of SQS batches: `{ Records }`, then the partial-batch answer. */
export function sqsFunctionConsumer(
  invoker: FunctionInvoker,
  functionName: string,
  reportBatchItemFailures: boolean,
): (records: readonly SqsRecord[]) => Promise<SqsBatchOutcome> {
  return async (records) => {
    const result = await invokeSafely(invoker, functionName, { Records: records });
    if (result.functionError !== undefined) return { kind: 'failed', reason: describeFunctionError(result) };
    if (!reportBatchItemFailures) return { kind: 'succeeded' };
    const response = readBatchResponse(
      result.payload,
      records.map((record) => record.messageId),
    );
    if (response.kind === 'invalid')
      return { kind: 'failed', reason: `invalid batch response: ${response.reason}` };
    return response.kind === 'partial' ? { kind: 'partial', failedMessageIds: response.failed } : response;
  };
}

export interface StreamFunctionConsumerOptions {
  readonly invoker: FunctionInvoker;
  readonly functionName: string;
  readonly functionArn: string;
  readonly reportBatchItemFailures: boolean;
  readonly streamArn: string;
  readonly onFailureArn?: string;
  readonly queues?: QueueSender;
  readonly log: (line: string) => void;
  readonly now?: () => Date;
}

/**
 * A mapping's function as the consumer of stream batches. With `ReportBatchItemFailures` the lowest
 * reported sequence number is where the retry starts. Exhausted records are described (not copied) in
 * an on-failure record sent to the SQS destination, as Lambda does: `DDBStreamBatchInfo` holds the
 * shard and the sequence-number range to read them back.
 */
export function streamFunctionConsumer(options: StreamFunctionConsumerOptions): StreamConsumer {
  const now = options.now ?? (() => new Date());
  let lastResult: FunctionResult | undefined;
  return {
    async consume(records: readonly StreamRecord[]): Promise<StreamBatchOutcome> {
      const result = await invokeSafely(options.invoker, options.functionName, { Records: records });
      lastResult = result;
      if (result.functionError !== undefined)
        return { kind: 'failed', reason: describeFunctionError(result) };
      if (!options.reportBatchItemFailures) return { kind: 'succeeded' };
      const order = records.map((record) => record.dynamodb.SequenceNumber);
      const response = readBatchResponse(result.payload, order);
      if (response.kind === 'invalid')
        return { kind: 'failed', reason: `invalid batch response: ${response.reason}` };
      if (response.kind === 'succeeded') return response;
      const first = order.find((sequenceNumber) => response.failed.includes(sequenceNumber));
      return first === undefined ? { kind: 'succeeded' } : { kind: 'partial', failedSequenceNumber: first };
    },
    async discard(batch) {
      const range = describeRange(batch);
      if (options.onFailureArn === undefined || options.queues === undefined) {
        options.log(
          `${options.functionName}: discarded stream records ${range} (${batch.condition}: ${batch.reason})`,
        );
        return;
      }
      const functionError = lastResult?.functionError;
      await options.queues.send({
        queueArn: options.onFailureArn,
        body: JSON.stringify(onFailureRecord(batch, options, functionError, now())),
      });
    },
  };
}

function describeRange(batch: DiscardedStreamBatch): string {
  const first = batch.records[0]?.dynamodb.SequenceNumber;
  const last = batch.records[batch.records.length - 1]?.dynamodb.SequenceNumber;
  return `${first}..${last}`;
}

/** The on-failure invocation record of a stream batch (Lambda's documented shape). */
export function onFailureRecord(
  batch: DiscardedStreamBatch & { readonly shardId: string },
  options: Pick<StreamFunctionConsumerOptions, 'functionArn' | 'streamArn'>,
  functionError: string | undefined,
  now: Date,
): Record<string, unknown> {
  const first = batch.records[0];
  const last = batch.records[batch.records.length - 1];
  const arrival = (record: StreamRecord | undefined) => {
    const seconds = record?.dynamodb.ApproximateCreationDateTime;
    return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
  };
  return {
    requestContext: {
      requestId: randomUUID(),
      functionArn: options.functionArn,
      condition: batch.condition,
      approximateInvokeCount: batch.invocations,
    },
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(functionError !== undefined && { functionError }),
    },
    version: '1.0',
    timestamp: now.toISOString(),
    DDBStreamBatchInfo: {
      shardId: batch.shardId,
      startSequenceNumber: first?.dynamodb.SequenceNumber,
      endSequenceNumber: last?.dynamodb.SequenceNumber,
      approximateArrivalOfFirstRecord: arrival(first),
      approximateArrivalOfLastRecord: arrival(last),
      batchSize: batch.records.length,
      streamArn: options.streamArn,
    },
  };
}
