import { EventSourceDefinitionError } from '../event-sources/errors.ts';
import { parseScheduleExpression, type ScheduleExpression } from './schedule-expression.ts';

type Properties = Readonly<Record<string, unknown>>;

export type ScheduleTarget =
  | { readonly kind: 'lambda'; readonly arn: string; readonly input?: string }
  | {
      readonly kind: 'events';
      readonly arn: string;
      readonly input?: string;
      readonly detailType: string;
      readonly source: string;
    }
  | { readonly kind: 'sqs'; readonly arn: string; readonly input?: string; readonly messageGroupId?: string };

export interface ScheduleDefinition {
  readonly name: string;
  readonly groupName: string;
  readonly expression: ScheduleExpression;
  readonly enabled: boolean;
  readonly startDate?: Date;
  readonly endDate?: Date;
  /** 0 when `FlexibleTimeWindow.Mode` is `OFF`. */
  readonly flexibleWindowMs: number;
  readonly target: ScheduleTarget;
  readonly retry: { readonly maximumRetryAttempts: number; readonly maximumEventAgeSeconds: number };
  readonly deadLetterArn?: string;
  readonly deleteAfterCompletion: boolean;
}

const record = (value: unknown): Properties =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Properties) : {};

function date(raw: unknown, name: string, problems: string[]): Date | undefined {
  if (raw === undefined) return undefined;
  const parsed = new Date(String(raw));
  if (Number.isNaN(parsed.getTime()))
    problems.push(`${name} must be an ISO 8601 date, got ${JSON.stringify(raw)}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

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

function readTarget(target: Properties, problems: string[]): ScheduleTarget | undefined {
  const arn = target.Arn;
  const input = typeof target.Input === 'string' ? { input: target.Input } : {};
  if (target.Input !== undefined && typeof target.Input !== 'string')
    problems.push('Target.Input must be a string');
  if (typeof arn !== 'string') {
    problems.push('Target.Arn is required');
    return undefined;
  }
  if (arn.startsWith('arn:aws:lambda:')) return { kind: 'lambda', arn, ...input };
  if (arn === 'arn:aws:scheduler:::aws-sdk:lambda:invoke') {
    // Universal target: Input holds the Invoke request; only FunctionName and Payload matter locally.
    const request = record(typeof target.Input === 'string' ? safeJson(target.Input) : undefined);
    if (typeof request.FunctionName !== 'string') {
      problems.push('the lambda:invoke universal target needs Input {"FunctionName": ..., "Payload": ...}');
      return undefined;
    }
    const payload = request.Payload;
    return {
      kind: 'lambda',
      arn: request.FunctionName,
      ...(payload !== undefined && {
        input: typeof payload === 'string' ? payload : JSON.stringify(payload),
      }),
    };
  }
  if (/^arn:aws:events:[^:]*:[^:]*:event-bus\//.test(arn)) {
    const parameters = record(target.EventBridgeParameters);
    const { DetailType, Source } = parameters;
    if (typeof DetailType !== 'string' || typeof Source !== 'string') {
      problems.push('EventBridgeParameters.DetailType and Source are required for an event-bus target');
      return undefined;
    }
    return { kind: 'events', arn, detailType: DetailType, source: Source, ...input };
  }
  if (arn.startsWith('arn:aws:sqs:')) {
    const groupId = record(target.SqsParameters).MessageGroupId;
    return { kind: 'sqs', arn, ...input, ...(typeof groupId === 'string' && { messageGroupId: groupId }) };
  }
  problems.push(
    `Target.Arn ${arn}: only Lambda, event-bus, SQS and aws-sdk:lambda:invoke targets are emulated`,
  );
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads and checks an `AWS::Scheduler::Schedule`, with Scheduler's defaults (185 retries within 24 h,
 * group `default`, time zone UTC), listing every problem in one error.
 *
 * @throws EventSourceDefinitionError
 */
export function readScheduleDefinition(
  properties: Properties,
  name: string,
  where: string,
): ScheduleDefinition {
  const problems: string[] = [];
  const timeZone =
    typeof properties.ScheduleExpressionTimezone === 'string' ? properties.ScheduleExpressionTimezone : 'UTC';
  let expression: ScheduleExpression | undefined;
  try {
    expression = parseScheduleExpression(properties.ScheduleExpression, timeZone, where);
  } catch (error) {
    problems.push(...((error as EventSourceDefinitionError).problems ?? [String(error)]));
  }
  const window = record(properties.FlexibleTimeWindow);
  let flexibleWindowMs = 0;
  if (window.Mode === 'FLEXIBLE') {
    flexibleWindowMs =
      integer(
        window.MaximumWindowInMinutes,
        'FlexibleTimeWindow.MaximumWindowInMinutes',
        [1, 1440],
        1,
        problems,
      ) * 60_000;
  } else if (window.Mode !== 'OFF') problems.push('FlexibleTimeWindow.Mode must be OFF or FLEXIBLE');
  const state = properties.State ?? 'ENABLED';
  if (state !== 'ENABLED' && state !== 'DISABLED') problems.push('State must be ENABLED or DISABLED');
  const targetProperties = record(properties.Target);
  const target = readTarget(targetProperties, problems);
  const retryPolicy = record(targetProperties.RetryPolicy);
  const retry = {
    maximumRetryAttempts: integer(
      retryPolicy.MaximumRetryAttempts,
      'RetryPolicy.MaximumRetryAttempts',
      [0, 185],
      185,
      problems,
    ),
    maximumEventAgeSeconds: integer(
      retryPolicy.MaximumEventAgeInSeconds,
      'RetryPolicy.MaximumEventAgeInSeconds',
      [60, 86_400],
      86_400,
      problems,
    ),
  };
  const deadLetter = record(targetProperties.DeadLetterConfig).Arn;
  if (
    deadLetter !== undefined &&
    (typeof deadLetter !== 'string' || !deadLetter.startsWith('arn:aws:sqs:'))
  ) {
    problems.push('DeadLetterConfig.Arn must be an SQS queue ARN');
  }
  const after = properties.ActionAfterCompletion ?? 'NONE';
  if (after !== 'NONE' && after !== 'DELETE') problems.push('ActionAfterCompletion must be NONE or DELETE');
  const startDate = date(properties.StartDate, 'StartDate', problems);
  const endDate = date(properties.EndDate, 'EndDate', problems);
  if (problems.length > 0 || expression === undefined || target === undefined)
    throw new EventSourceDefinitionError(where, problems);
  return {
    name,
    groupName: typeof properties.GroupName === 'string' ? properties.GroupName : 'default',
    expression,
    enabled: state === 'ENABLED',
    ...(startDate !== undefined && { startDate }),
    ...(endDate !== undefined && { endDate }),
    flexibleWindowMs,
    target,
    retry,
    ...(typeof deadLetter === 'string' && { deadLetterArn: deadLetter }),
    deleteAfterCompletion: after === 'DELETE',
  };
}
