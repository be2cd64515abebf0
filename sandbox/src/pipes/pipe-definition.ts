import { EventSourceDefinitionError } from '../event-sources/errors.ts';
import { compileFilterCriteria, type RecordFilter } from '../event-sources/filter-criteria.ts';
import type { StreamRetryPolicy } from '../event-sources/stream-batch-delivery.ts';
import type { StartingPosition } from '../event-sources/stream-shards.ts';
import {
  type CompiledPipeTemplate,
  compileDynamicValue,
  compilePipeTemplate,
} from './pipe-input-template.ts';

type Properties = Readonly<Record<string, unknown>>;
type Dynamic = (event: unknown) => string | undefined;

export type PipeSource =
  | {
      readonly kind: 'sqs';
      readonly arn: string;
      readonly batchSize: number;
      readonly batchingWindowMs: number;
    }
  | {
      readonly kind: 'dynamodb';
      readonly arn: string;
      readonly batchSize: number;
      readonly startingPosition: StartingPosition;
      readonly retry: StreamRetryPolicy;
      readonly deadLetterArn?: string;
    };

export type PipeTarget =
  | {
      readonly kind: 'events';
      readonly arn: string;
      readonly detailType?: Dynamic;
      readonly source?: Dynamic;
      readonly resources: readonly string[];
    }
  | { readonly kind: 'lambda'; readonly arn: string; readonly fireAndForget: boolean }
  | {
      readonly kind: 'sqs';
      readonly arn: string;
      readonly messageGroupId?: Dynamic;
      readonly messageDeduplicationId?: Dynamic;
    };

export interface PipeDefinition {
  readonly name: string;
  readonly running: boolean;
  readonly source: PipeSource;
  readonly filter: RecordFilter;
  readonly enrichment?: { readonly arn: string; readonly template?: CompiledPipeTemplate };
  readonly target: PipeTarget;
  readonly targetTemplate?: CompiledPipeTemplate;
}

const record = (value: unknown): Properties =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Properties) : {};

function integer(
  raw: unknown,
  name: string,
  range: readonly [number, number],
  fallback: number,
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    problems.push(`${name} must be an integer from ${range[0]} to ${range[1]}, got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return value;
}

function guard<T>(problems: string[], build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    const listed = (error as { problems?: readonly string[] }).problems;
    problems.push(...(listed ?? [(error as Error).message]));
    return undefined;
  }
}

function readSource(properties: Properties, problems: string[]): PipeSource | undefined {
  const arn = properties.Source;
  const parameters = record(properties.SourceParameters);
  if (typeof arn === 'string' && arn.startsWith('arn:aws:sqs:')) {
    const sqs = record(parameters.SqsQueueParameters);
    return {
      kind: 'sqs',
      arn,
      batchSize: integer(sqs.BatchSize, 'SqsQueueParameters.BatchSize', [1, 10_000], 10, problems),
      batchingWindowMs:
        integer(
          sqs.MaximumBatchingWindowInSeconds,
          'SqsQueueParameters.MaximumBatchingWindowInSeconds',
          [0, 300],
          0,
          problems,
        ) * 1000,
    };
  }
  if (typeof arn === 'string' && /^arn:aws:dynamodb:.*\/stream\//.test(arn)) {
    const stream = record(parameters.DynamoDBStreamParameters);
    const position = stream.StartingPosition;
    if (position !== 'LATEST' && position !== 'TRIM_HORIZON') {
      problems.push(
        `DynamoDBStreamParameters.StartingPosition must be LATEST or TRIM_HORIZON, got ${JSON.stringify(position)}`,
      );
    }
    const bisect = stream.OnPartialBatchItemFailure;
    if (bisect !== undefined && bisect !== 'AUTOMATIC_BISECT')
      problems.push('OnPartialBatchItemFailure may only be AUTOMATIC_BISECT');
    const deadLetter = record(stream.DeadLetterConfig).Arn;
    if (
      deadLetter !== undefined &&
      (typeof deadLetter !== 'string' || !deadLetter.startsWith('arn:aws:sqs:'))
    ) {
      problems.push(
        'DeadLetterConfig.Arn must be an SQS queue ARN (SNS dead-letter targets are not emulated)',
      );
    }
    return {
      kind: 'dynamodb',
      arn,
      batchSize: integer(stream.BatchSize, 'DynamoDBStreamParameters.BatchSize', [1, 10_000], 100, problems),
      startingPosition: position === 'TRIM_HORIZON' ? 'TRIM_HORIZON' : 'LATEST',
      retry: {
        maximumRetryAttempts: integer(
          stream.MaximumRetryAttempts,
          'MaximumRetryAttempts',
          [-1, 10_000],
          -1,
          problems,
        ),
        maximumRecordAgeSeconds: integer(
          stream.MaximumRecordAgeInSeconds,
          'MaximumRecordAgeInSeconds',
          [-1, 604_800],
          -1,
          problems,
        ),
        bisectOnError: bisect === 'AUTOMATIC_BISECT',
      },
      ...(typeof deadLetter === 'string' && { deadLetterArn: deadLetter }),
    };
  }
  problems.push(
    `Source must be an SQS queue or a DynamoDB stream ARN (other sources are not emulated), got ${JSON.stringify(arn)}`,
  );
  return undefined;
}

function readTarget(properties: Properties, where: string, problems: string[]): PipeTarget | undefined {
  const arn = properties.Target;
  const parameters = record(properties.TargetParameters);
  if (typeof arn !== 'string') {
    problems.push('Target is required');
    return undefined;
  }
  if (/^arn:aws:events:[^:]*:[^:]*:event-bus\//.test(arn)) {
    const bus = record(parameters.EventBridgeEventBusParameters);
    const resources = bus.Resources ?? [];
    if (!Array.isArray(resources)) problems.push('EventBridgeEventBusParameters.Resources must be a list');
    const detailType = guard(problems, () => compileDynamicValue(bus.DetailType, `${where} DetailType`));
    const source = guard(problems, () => compileDynamicValue(bus.Source, `${where} Source`));
    return {
      kind: 'events',
      arn,
      ...(detailType !== undefined && { detailType }),
      ...(source !== undefined && { source }),
      resources: Array.isArray(resources) ? resources.map(String) : [],
    };
  }
  if (arn.startsWith('arn:aws:lambda:')) {
    const invocation = record(parameters.LambdaFunctionParameters).InvocationType ?? 'REQUEST_RESPONSE';
    if (invocation !== 'REQUEST_RESPONSE' && invocation !== 'FIRE_AND_FORGET') {
      problems.push('LambdaFunctionParameters.InvocationType must be REQUEST_RESPONSE or FIRE_AND_FORGET');
    }
    return { kind: 'lambda', arn, fireAndForget: invocation === 'FIRE_AND_FORGET' };
  }
  if (arn.startsWith('arn:aws:sqs:')) {
    const sqs = record(parameters.SqsQueueParameters);
    const messageGroupId = guard(problems, () =>
      compileDynamicValue(sqs.MessageGroupId, `${where} MessageGroupId`),
    );
    const messageDeduplicationId = guard(problems, () =>
      compileDynamicValue(sqs.MessageDeduplicationId, `${where} MessageDeduplicationId`),
    );
    return {
      kind: 'sqs',
      arn,
      ...(messageGroupId !== undefined && { messageGroupId }),
      ...(messageDeduplicationId !== undefined && { messageDeduplicationId }),
    };
  }
  problems.push(
    `Target must be an event bus, a Lambda function or an SQS queue (others are not emulated), got ${arn}`,
  );
  return undefined;
}

/**
 * Reads and checks an `AWS::Pipes::Pipe` (SQS or DynamoDB stream source; optional filter and Lambda
 * enrichment; event bus, Lambda or SQS target), listing every problem in one error.
 *
 * @throws EventSourceDefinitionError
 */
export function readPipeDefinition(properties: Properties, name: string, where: string): PipeDefinition {
  const problems: string[] = [];
  const source = readSource(properties, problems);
  const filter = guard(problems, () =>
    compileFilterCriteria(record(properties.SourceParameters).FilterCriteria, where),
  ) ?? { patterns: [] };
  const target = readTarget(properties, where, problems);
  const enrichmentArn = properties.Enrichment;
  if (
    enrichmentArn !== undefined &&
    (typeof enrichmentArn !== 'string' || !enrichmentArn.startsWith('arn:aws:lambda:'))
  ) {
    problems.push(
      'Enrichment must be a Lambda function ARN (API destinations, API Gateway and Step Functions are not emulated)',
    );
  }
  const enrichmentTemplateText = record(properties.EnrichmentParameters).InputTemplate;
  const enrichmentTemplate =
    typeof enrichmentTemplateText === 'string'
      ? guard(problems, () =>
          compilePipeTemplate(enrichmentTemplateText, `${where} EnrichmentParameters.InputTemplate`),
        )
      : undefined;
  const targetTemplateText = record(properties.TargetParameters).InputTemplate;
  const targetTemplate =
    typeof targetTemplateText === 'string'
      ? guard(problems, () =>
          compilePipeTemplate(targetTemplateText, `${where} TargetParameters.InputTemplate`),
        )
      : undefined;
  const state = properties.DesiredState ?? 'RUNNING';
  if (state !== 'RUNNING' && state !== 'STOPPED') problems.push('DesiredState must be RUNNING or STOPPED');
  if (problems.length > 0 || source === undefined || target === undefined)
    throw new EventSourceDefinitionError(where, problems);
  return {
    name,
    running: state === 'RUNNING',
    source,
    filter,
    ...(typeof enrichmentArn === 'string' && {
      enrichment: {
        arn: enrichmentArn,
        ...(enrichmentTemplate !== undefined && { template: enrichmentTemplate }),
      },
    }),
    target,
    ...(targetTemplate !== undefined && { targetTemplate }),
  };
}
