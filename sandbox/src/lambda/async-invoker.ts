import {
  type AsyncInvokeConfig,
  type DestinationCondition,
  type InvocationRecord,
  invocationRecord,
} from './event-invoke-configs.ts';
import type { LambdaRunner } from './lambda-runner.ts';

export interface AsyncInvokerOptions {
  /** Delays before Lambda's two retries of a failed asynchronous invocation. @default [1000, 2000] */
  readonly retryDelaysMs?: readonly number[];
  /** Told about an event that failed every attempt (also sent to the on-failure destination, if any). */
  readonly onFailure?: (failure: AsyncInvocationFailure) => void;
  /** The function's EventInvokeConfig (retries, event age, destinations). @default two retries, no destinations */
  readonly configFor?: (functionArn: string) => AsyncInvokeConfig;
  /** Sends an invocation record to a destination ARN (queue, topic, function or bus). */
  readonly deliver?: (destinationArn: string, record: InvocationRecord) => Promise<void>;
}

export interface AsyncInvocationFailure {
  readonly functionArn: string;
  readonly event: unknown;
  readonly attempts: number;
  readonly error: string;
}

/**
 * `InvocationType: Event` for the sandbox's event sources (EventBridge rules, S3 notifications,
 * Cognito is synchronous and does not use it): the call returns once the event is queued; a failed
 * invocation is retried twice, as Lambda does, then reported. Nothing is awaited by the caller, so a slow
 * function never holds up the bus.
 */
export class AsyncInvoker {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly runner: LambdaRunner,
    private readonly options: AsyncInvokerOptions = {},
  ) {}

  /** Queues the event; rejects only when no such function is deployed (Lambda's 404). */
  async invoke(functionArn: string, event: unknown): Promise<void> {
    if (!this.runner.has(functionArn)) throw new Error(`Function not found: ${functionArn}`);
    const run = this.attempt(functionArn, event).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Resolves when every queued invocation has finished (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async attempt(functionArn: string, event: unknown): Promise<void> {
    const delays = this.options.retryDelaysMs ?? [1000, 2000];
    const config = this.options.configFor?.(functionArn);
    const retries = config?.maximumRetryAttempts ?? delays.length;
    const queuedAt = Date.now();
    let lastError = '';
    let lastResponse: unknown = null;
    let attempts = 0;
    let condition: DestinationCondition = 'RetriesExhausted';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1] ?? delays.at(-1) ?? 1000));
        if (config && Date.now() - queuedAt > config.maximumEventAgeMs) {
          condition = 'EventAgeExceeded';
          break;
        }
      }
      attempts++;
      try {
        const result = await this.runner.invoke(functionArn, { event });
        if (!result.functionError) {
          if (config?.onSuccess) {
            const response = parsePayload(result.payload);
            const record = invocationRecord({
              functionArn,
              condition: 'Success',
              attempts,
              event,
              response,
              failed: false,
            });
            await this.send(config.onSuccess, record, functionArn);
          }
          return;
        }
        lastError = result.payload;
        lastResponse = parsePayload(result.payload);
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        lastResponse = { errorMessage: lastError, errorType: 'Sandbox.InvokeError' };
      }
    }
    this.options.onFailure?.({ functionArn, event, attempts, error: lastError });
    if (config?.onFailure) {
      const record = invocationRecord({
        functionArn,
        condition,
        attempts,
        event,
        response: lastResponse,
        failed: true,
      });
      await this.send(config.onFailure, record, functionArn);
    }
  }

  /** A destination that cannot be reached loses the record, as in Lambda; it is reported, never thrown. */
  private async send(destinationArn: string, record: InvocationRecord, functionArn: string): Promise<void> {
    try {
      await this.options.deliver?.(destinationArn, record);
    } catch (error) {
      this.options.onFailure?.({
        functionArn,
        event: record.requestPayload,
        attempts: record.requestContext.approximateInvokeCount,
        error: `destination ${destinationArn} refused the invocation record: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}
