import { randomUUID } from 'node:crypto';
import type { ProviderRegistry } from '../template/index.ts';
import { parseFunctionReference } from './function-arn.ts';

/** A function's `AWS::Lambda::EventInvokeConfig`: how its asynchronous invocations are retried and where results go. */
export interface AsyncInvokeConfig {
  /** Retries after the first failed attempt, 0–2. */
  readonly maximumRetryAttempts: number;
  /** An event older than this is not attempted again. */
  readonly maximumEventAgeMs: number;
  /** Destination ARN (SQS queue, SNS topic, function or event bus) of events that failed every attempt. */
  readonly onFailure?: string;
  /** Destination ARN of successful invocations' records. */
  readonly onSuccess?: string;
}

/** Lambda's defaults when a function has no EventInvokeConfig. */
export const DEFAULT_ASYNC_INVOKE_CONFIG: AsyncInvokeConfig = {
  maximumRetryAttempts: 2,
  maximumEventAgeMs: 6 * 3600_000,
};

/** Why an invocation record was sent to a destination (Lambda's `requestContext.condition`). */
export type DestinationCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';

/** The record Lambda sends to a destination (the "invocation record", version 1.0). */
export interface InvocationRecord {
  readonly version: '1.0';
  readonly timestamp: string;
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: DestinationCondition;
    readonly approximateInvokeCount: number;
  };
  readonly requestPayload: unknown;
  readonly responseContext: {
    readonly statusCode: number;
    readonly executedVersion: '$LATEST';
    readonly functionError?: 'Unhandled';
  };
  readonly responsePayload: unknown;
}

/**
 * The EventInvokeConfigs of the deployed functions, by function name (the `FunctionName` of the
 * resource is a name or an ARN; invocations name the function by ARN).
 */
export class AsyncInvokeConfigs {
  private readonly byName = new Map<string, AsyncInvokeConfig>();

  set(functionReference: string, config: AsyncInvokeConfig): void {
    this.byName.set(nameOf(functionReference), config);
  }

  /** The function's configuration, or Lambda's defaults. */
  get(functionArn: string): AsyncInvokeConfig {
    return this.byName.get(nameOf(functionArn)) ?? DEFAULT_ASYNC_INVOKE_CONFIG;
  }
}

function nameOf(reference: string): string {
  const parsed = parseFunctionReference(reference);
  if (!parsed) throw new Error(`"${reference}" names no Lambda function`);
  return parsed.functionName;
}

/** Builds the record Lambda would send for one finished (or abandoned) asynchronous invocation. */
export function invocationRecord(input: {
  readonly functionArn: string;
  readonly condition: DestinationCondition;
  readonly attempts: number;
  readonly event: unknown;
  readonly response: unknown;
  readonly failed: boolean;
}): InvocationRecord {
  return {
    version: '1.0',
    timestamp: new Date().toISOString(),
    requestContext: {
      requestId: randomUUID(),
      functionArn: `${input.functionArn}:$LATEST`,
      condition: input.condition,
      approximateInvokeCount: input.attempts,
    },
    requestPayload: input.event,
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(input.failed && { functionError: 'Unhandled' as const }),
    },
    responsePayload: input.response,
  };
}

/**
 * The provider of `AWS::Lambda::EventInvokeConfig`: records retries, maximum event age and
 * destinations, which the sandbox's asynchronous invoker then applies (S3 notifications, EventBridge
 * rules and schedules invoke asynchronously). Only `$LATEST` exists locally.
 */
export function eventInvokeConfigProviders(configs: AsyncInvokeConfigs): ProviderRegistry {
  return {
    'AWS::Lambda::EventInvokeConfig': {
      create(logicalId, properties) {
        const functionName = String(properties.FunctionName);
        const qualifier = String(properties.Qualifier ?? '$LATEST');
        if (qualifier !== '$LATEST') {
          throw new Error(
            `${logicalId}: EventInvokeConfig for qualifier "${qualifier}": the sandbox runs $LATEST only`,
          );
        }
        const destinations = (properties.DestinationConfig ?? {}) as {
          OnFailure?: { Destination?: string };
          OnSuccess?: { Destination?: string };
        };
        const retries = Number(
          properties.MaximumRetryAttempts ?? DEFAULT_ASYNC_INVOKE_CONFIG.maximumRetryAttempts,
        );
        const ageSeconds = Number(properties.MaximumEventAgeInSeconds ?? 6 * 3600);
        configs.set(functionName, {
          maximumRetryAttempts: retries,
          maximumEventAgeMs: ageSeconds * 1000,
          ...(destinations.OnFailure?.Destination && { onFailure: destinations.OnFailure.Destination }),
          ...(destinations.OnSuccess?.Destination && { onSuccess: destinations.OnSuccess.Destination }),
        });
        return { physicalId: `${functionName}:${qualifier}` };
      },
    },
  };
}
