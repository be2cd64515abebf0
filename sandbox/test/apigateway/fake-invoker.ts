import type { FunctionInvoker, FunctionResult } from '../../src/apigateway/index.ts';

export type FakeFunction = (event: Record<string, unknown>) => FunctionResult | Promise<FunctionResult>;

/** An in-memory Lambda: each function is a closure; every call is recorded. */
export class FakeInvoker implements FunctionInvoker {
  readonly calls: { functionName: string; event: Record<string, unknown> }[] = [];

  constructor(private readonly functions: Record<string, FakeFunction>) {}

  async invoke(functionName: string, event: unknown): Promise<FunctionResult> {
    const fn = this.functions[functionName];
    if (!fn) {
      throw new Error(`Function not found: ${functionName}`);
    }
    const record = event as Record<string, unknown>;
    this.calls.push({ functionName, event: record });
    return fn(record);
  }

  callsOf(functionName: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.functionName === functionName).map((call) => call.event);
  }
}

/** A function that returns `payload` as its result. */
export const returning =
  (payload: unknown): FakeFunction =>
  () => ({ payload });
