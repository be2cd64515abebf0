import { EventsDefinitionError } from './errors.ts';
import { parseArn } from './events-arn.ts';
import { type CompiledInputTransformer, compileInputTransformer } from './input-transformer.ts';
import { type CompiledJsonPath, compileJsonPath } from './json-path.ts';
import { TARGET_SERVICES, type TargetService } from './target-dispatcher.ts';

/** What a target receives: the event, a constant, a part of the event, or a rendered template. */
export type TargetInput =
  | { readonly kind: 'event' }
  | { readonly kind: 'constant'; readonly text: string }
  | { readonly kind: 'path'; readonly path: CompiledJsonPath }
  | { readonly kind: 'transformer'; readonly transformer: CompiledInputTransformer };

export interface RetryPolicy {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
}

/** A rule target, checked once when the rule is created. */
export interface RuleTarget {
  readonly id: string;
  readonly arn: string;
  readonly service: TargetService;
  readonly input: TargetInput;
  readonly retryPolicy: RetryPolicy;
  readonly deadLetterArn?: string;
  readonly messageGroupId?: string;
}

/** EventBridge's defaults: 185 retries over at most 24 hours. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maximumRetryAttempts: 185,
  maximumEventAgeSeconds: 86_400,
};
const TARGET_ID = /^[.\-_A-Za-z0-9]{1,64}$/;

type Properties = Readonly<Record<string, unknown>>;

function asObject(value: unknown): Properties | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Properties)
    : undefined;
}

function integerIn(value: unknown, min: number, max: number): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max
    ? number
    : undefined;
}

function readRetryPolicy(value: unknown, at: string, problems: string[]): RetryPolicy {
  const policy = asObject(value);
  if (policy === undefined) return DEFAULT_RETRY_POLICY;
  const attempts = policy.MaximumRetryAttempts ?? DEFAULT_RETRY_POLICY.maximumRetryAttempts;
  const age = policy.MaximumEventAgeInSeconds ?? DEFAULT_RETRY_POLICY.maximumEventAgeSeconds;
  const maximumRetryAttempts = integerIn(attempts, 0, 185);
  const maximumEventAgeSeconds = integerIn(age, 60, 86_400);
  if (maximumRetryAttempts === undefined)
    problems.push(`${at}.RetryPolicy.MaximumRetryAttempts must be 0..185`);
  if (maximumEventAgeSeconds === undefined) {
    problems.push(`${at}.RetryPolicy.MaximumEventAgeInSeconds must be 60..86400`);
  }
  return {
    maximumRetryAttempts: maximumRetryAttempts ?? 0,
    maximumEventAgeSeconds: maximumEventAgeSeconds ?? 60,
  };
}

function readInput(target: Properties, at: string, where: string, problems: string[]): TargetInput {
  const given = (['Input', 'InputPath', 'InputTransformer'] as const).filter(
    (key) => target[key] !== undefined,
  );
  if (given.length > 1)
    problems.push(`${at}: set at most one of Input, InputPath, InputTransformer (got ${given.join(', ')})`);
  try {
    if (typeof target.Input === 'string') {
      JSON.parse(target.Input);
      return { kind: 'constant', text: target.Input };
    }
    if (target.Input !== undefined) problems.push(`${at}.Input must be a JSON text`);
    if (typeof target.InputPath === 'string')
      return { kind: 'path', path: compileJsonPath(target.InputPath, where) };
    if (target.InputPath !== undefined) problems.push(`${at}.InputPath must be a JSONPath string`);
    if (target.InputTransformer !== undefined) {
      return { kind: 'transformer', transformer: compileInputTransformer(target.InputTransformer, where) };
    }
  } catch (error) {
    if (error instanceof EventsDefinitionError)
      problems.push(...error.problems.map((problem) => `${at}: ${problem}`));
    else problems.push(`${at}.Input is not valid JSON (${(error as Error).message})`);
  }
  return { kind: 'event' };
}

function readService(arnText: string, at: string, problems: string[]): TargetService | undefined {
  const service = parseArn(arnText)?.service;
  if (service === undefined) problems.push(`${at}.Arn "${arnText}" is not an ARN`);
  else if (!(TARGET_SERVICES as readonly string[]).includes(service)) {
    problems.push(
      `${at}.Arn: ${service} targets are not emulated (supported: ${TARGET_SERVICES.join(', ')})`,
    );
  } else return service as TargetService;
  return undefined;
}

/**
 * Reads one entry of a rule's `Targets` as PutTargets validates it, collecting every problem.
 * @param where the resource, for error messages (`Rule OrderRule`).
 */
export function readRuleTarget(
  value: unknown,
  index: number,
  where: string,
  problems: string[],
): RuleTarget | undefined {
  const at = `Targets[${index}]`;
  const target = asObject(value);
  if (target === undefined) {
    problems.push(`${at} must be an object`);
    return undefined;
  }
  const before = problems.length;
  const id = target.Id;
  if (typeof id !== 'string' || !TARGET_ID.test(id)) problems.push(`${at}.Id must be 1-64 of [.-_A-Za-z0-9]`);
  const arn = typeof target.Arn === 'string' ? target.Arn : '';
  if (arn === '') problems.push(`${at}.Arn is required`);
  const service = arn === '' ? undefined : readService(arn, at, problems);
  const input = readInput(target, at, where, problems);
  if (service === 'events' && input.kind !== 'event') {
    problems.push(
      `${at}: an event bus target receives the event itself; remove ${input.kind === 'constant' ? 'Input' : input.kind === 'path' ? 'InputPath' : 'InputTransformer'}`,
    );
  }
  const retryPolicy = readRetryPolicy(target.RetryPolicy, at, problems);
  const deadLetterArn = asObject(target.DeadLetterConfig)?.Arn;
  if (
    deadLetterArn !== undefined &&
    (typeof deadLetterArn !== 'string' || parseArn(deadLetterArn)?.service !== 'sqs')
  ) {
    problems.push(`${at}.DeadLetterConfig.Arn must be an SQS queue ARN`);
  }
  const messageGroupId = asObject(target.SqsParameters)?.MessageGroupId;
  if (service === 'sqs' && arn.endsWith('.fifo') && typeof messageGroupId !== 'string') {
    problems.push(`${at}: a FIFO queue target needs SqsParameters.MessageGroupId`);
  }
  if (problems.length > before || service === undefined || typeof id !== 'string') return undefined;
  return {
    id,
    arn,
    service,
    input,
    retryPolicy,
    ...(typeof deadLetterArn === 'string' ? { deadLetterArn } : {}),
    ...(typeof messageGroupId === 'string' ? { messageGroupId } : {}),
  };
}
