import { EventSourceDefinitionError } from './errors.ts';
import { compileFilterCriteria, type RecordFilter } from './filter-criteria.ts';
import type { StreamRetryPolicy } from './stream-batch-delivery.ts';
import type { StartingPosition } from './stream-shards.ts';

type Properties = Readonly<Record<string, unknown>>;

interface CommonDefinition {
  readonly functionName: string;
  readonly enabled: boolean;
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  readonly filter: RecordFilter;
  readonly reportBatchItemFailures: boolean;
}

export interface SqsMappingDefinition extends CommonDefinition {
  readonly kind: 'sqs';
  readonly queueArn: string;
}

export interface StreamMappingDefinition extends CommonDefinition {
  readonly kind: 'dynamodb';
  readonly streamArn: string;
  readonly startingPosition: StartingPosition;
  readonly startingTimestamp?: Date;
  readonly retry: StreamRetryPolicy;
  /** `DestinationConfig.OnFailure.Destination`: an SQS queue ARN. */
  readonly onFailureArn?: string;
}

export type MappingDefinition = SqsMappingDefinition | StreamMappingDefinition;

/** Properties of Kafka, MQ, DocumentDB and Kinesis sources: named in the error when present. */
const OTHER_SOURCES = [
  'SelfManagedEventSource',
  'SelfManagedKafkaEventSourceConfig',
  'AmazonManagedKafkaEventSourceConfig',
  'Queues',
  'SourceAccessConfigurations',
  'DocumentDBEventSourceConfig',
  'Topics',
];

function integer(
  properties: Properties,
  name: string,
  range: readonly [number, number],
  fallback: number,
  problems: string[],
): number {
  const raw = properties[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
    problems.push(`${name} must be an integer from ${range[0]} to ${range[1]}, got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return value;
}

function flag(properties: Properties, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = properties[name];
  if (raw === undefined) return fallback;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  problems.push(`${name} must be a boolean, got ${JSON.stringify(raw)}`);
  return fallback;
}

function responseTypes(properties: Properties, problems: string[]): boolean {
  const raw = properties.FunctionResponseTypes ?? [];
  if (!Array.isArray(raw) || raw.some((type) => type !== 'ReportBatchItemFailures')) {
    problems.push(
      `FunctionResponseTypes may only hold "ReportBatchItemFailures", got ${JSON.stringify(raw)}`,
    );
    return false;
  }
  return raw.length > 0;
}

function streamSettings(properties: Properties, problems: string[]) {
  const position = properties.StartingPosition;
  let startingPosition: StartingPosition = 'LATEST';
  if (position === 'LATEST' || position === 'TRIM_HORIZON' || position === 'AT_TIMESTAMP')
    startingPosition = position;
  else
    problems.push(
      `StartingPosition must be LATEST, TRIM_HORIZON or AT_TIMESTAMP, got ${JSON.stringify(position)}`,
    );
  const timestamp = properties.StartingPositionTimestamp;
  let startingTimestamp: Date | undefined;
  if (startingPosition === 'AT_TIMESTAMP') {
    const seconds = Number(timestamp);
    if (timestamp === undefined || !Number.isFinite(seconds)) {
      problems.push('StartingPositionTimestamp (epoch seconds) is required with AT_TIMESTAMP');
    } else startingTimestamp = new Date(seconds * 1000);
  }
  const maximumRetryAttempts = integer(properties, 'MaximumRetryAttempts', [-1, 10_000], -1, problems);
  const maximumRecordAgeSeconds = integer(
    properties,
    'MaximumRecordAgeInSeconds',
    [-1, 604_800],
    -1,
    problems,
  );
  if (maximumRecordAgeSeconds !== -1 && maximumRecordAgeSeconds < 60) {
    problems.push('MaximumRecordAgeInSeconds must be -1 or from 60 to 604800');
  }
  const bisectOnError = flag(properties, 'BisectBatchOnFunctionError', false, problems);
  const destination = (properties.DestinationConfig as { OnFailure?: { Destination?: unknown } } | undefined)
    ?.OnFailure?.Destination;
  if (
    destination !== undefined &&
    (typeof destination !== 'string' || !destination.startsWith('arn:aws:sqs:'))
  ) {
    problems.push(
      `DestinationConfig.OnFailure.Destination must be an SQS queue ARN (SNS, S3 and Kafka destinations are not emulated), got ${JSON.stringify(destination)}`,
    );
  }
  if (integer(properties, 'TumblingWindowInSeconds', [0, 900], 0, problems) > 0) {
    problems.push('TumblingWindowInSeconds is not emulated');
  }
  integer(properties, 'ParallelizationFactor', [1, 10], 1, problems);
  return {
    startingPosition,
    ...(startingTimestamp !== undefined && { startingTimestamp }),
    retry: { maximumRetryAttempts, maximumRecordAgeSeconds, bisectOnError },
    ...(typeof destination === 'string' && { onFailureArn: destination }),
  };
}

/**
 * Reads and checks the properties of an `AWS::Lambda::EventSourceMapping` whose source is an SQS queue
 * or a DynamoDB stream, with Lambda's defaults (batch size 10 for SQS, 100 for streams; streams retry
 * until the record expires) and limits. Every problem is listed in one error.
 *
 * @throws EventSourceDefinitionError
 */
export function readMappingDefinition(properties: Properties, where: string): MappingDefinition {
  const problems: string[] = [];
  const source = properties.EventSourceArn;
  const functionName = properties.FunctionName;
  if (typeof functionName !== 'string' || functionName === '') problems.push('FunctionName is required');
  for (const name of OTHER_SOURCES) {
    if (properties[name] !== undefined)
      problems.push(`${name}: only SQS queues and DynamoDB streams are emulated`);
  }
  const kind =
    typeof source === 'string' && source.startsWith('arn:aws:sqs:')
      ? 'sqs'
      : typeof source === 'string' && /^arn:aws:dynamodb:[^:]*:[^:]*:table\/[^/]+\/stream\//.test(source)
        ? 'dynamodb'
        : undefined;
  if (kind === undefined) {
    problems.push(
      `EventSourceArn must be an SQS queue or DynamoDB stream ARN (others are not emulated), got ${JSON.stringify(source)}`,
    );
  }
  const batchSize = integer(properties, 'BatchSize', [1, 10_000], kind === 'sqs' ? 10 : 100, problems);
  const windowSeconds = integer(properties, 'MaximumBatchingWindowInSeconds', [0, 300], 0, problems);
  if (kind === 'sqs' && batchSize > 10 && windowSeconds === 0) {
    problems.push('BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 for SQS');
  }
  let filter: RecordFilter = { patterns: [] };
  try {
    filter = compileFilterCriteria(properties.FilterCriteria, where);
  } catch (error) {
    problems.push(...(error as EventSourceDefinitionError).problems);
  }
  const common = {
    functionName: String(functionName),
    enabled: flag(properties, 'Enabled', true, problems),
    batchSize,
    batchingWindowMs: windowSeconds * 1000,
    filter,
    reportBatchItemFailures: responseTypes(properties, problems),
  };
  if (kind === 'sqs') {
    for (const name of [
      'StartingPosition',
      'DestinationConfig',
      'MaximumRetryAttempts',
      'BisectBatchOnFunctionError',
    ]) {
      if (properties[name] !== undefined) problems.push(`${name} does not apply to an SQS source`);
    }
  }
  const stream = kind === 'dynamodb' ? streamSettings(properties, problems) : undefined;
  if (problems.length > 0) throw new EventSourceDefinitionError(where, problems);
  return stream === undefined
    ? { kind: 'sqs', ...common, queueArn: String(source) }
    : { kind: 'dynamodb', ...common, streamArn: String(source), ...stream };
}
