import type { FunctionInvoker, FunctionResult } from '../../src/event-sources/index.ts';

type Handler = (event: unknown) => unknown;

/**
 * An in-memory Lambda: each function is a plain handler; a thrown error becomes the `Unhandled`
 * result Lambda reports. Every invocation's event is recorded (deep-copied, as it crosses JSON).
 */
export class FakeInvoker implements FunctionInvoker {
  readonly calls: { functionName: string; event: unknown }[] = [];
  readonly #handlers = new Map<string, Handler>();

  on(functionName: string, handler: Handler): this {
    this.#handlers.set(functionName, handler);
    return this;
  }

  eventsOf(functionName: string): unknown[] {
    return this.calls.filter((call) => call.functionName === functionName).map((call) => call.event);
  }

  async invoke(functionName: string, event: unknown): Promise<FunctionResult> {
    const copy = JSON.parse(JSON.stringify(event)) as unknown;
    this.calls.push({ functionName, event: copy });
    const handler = this.#handlers.get(functionName);
    if (handler === undefined) throw new Error(`Function not found: ${functionName}`);
    try {
      const payload = await handler(copy);
      return {
        payload: payload === undefined ? undefined : (JSON.parse(JSON.stringify(payload)) as unknown),
      };
    } catch (error) {
      const { name, message } = error as Error;
      return { payload: { errorType: name, errorMessage: message }, functionError: 'Unhandled' };
    }
  }
}

/** Polls `check` until it returns a value (not undefined/false) or `timeoutMs` passes. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<Exclude<T, false | null | undefined>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false)
        return value as Exclude<T, false | null | undefined>;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
