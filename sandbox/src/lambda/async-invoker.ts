import type { LambdaRunner } from './lambda-runner.ts';

export interface AsyncInvokerOptions {
  /** Delays before Lambda's two retries of a failed asynchronous invocation. @default [1000, 2000] */
  readonly retryDelaysMs?: readonly number[];
  /** Told about an event that failed every attempt (Lambda would send it to the on-failure destination). */
  readonly onFailure?: (failure: AsyncInvocationFailure) => void;
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
    let lastError = '';
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1]));
      try {
        const result = await this.runner.invoke(functionArn, { event });
        if (!result.functionError) return;
        lastError = result.payload;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    this.options.onFailure?.({ functionArn, event, attempts: delays.length + 1, error: lastError });
  }
}
