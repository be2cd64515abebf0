import { type ConcurrencySettings, DeployedFunction, type FunctionConcurrency } from './deployed-function.ts';
import { functionArn, parseFunctionReference } from './function-arn.ts';
import {
  type LambdaFunctionDefinition,
  type ResolvedFunctionDefinition,
  resolveDefinition,
} from './function-definition.ts';
import type { InvocationRequest, InvocationResult } from './invocation.ts';
import { FunctionNotFoundError, RunnerClosedError } from './lambda-errors.ts';
import type { LambdaLogSink } from './log-record.ts';
import type { SandboxAwsSettings } from './runtime-environment.ts';

export interface LambdaRunnerOptions extends SandboxAwsSettings {
  /** Receives every line every function writes, tagged with its function and request id. */
  readonly logSink?: LambdaLogSink;
  /** Execution environments per function (up to 4 by default) and how long idle ones are kept. */
  readonly concurrency?: ConcurrencySettings;
}

/**
 * Runs the sandbox's Lambda functions in warm `node` processes with Lambda's environment, context,
 * timeout and memory limit (see `ExecutionEnvironment`), several per function under concurrent load
 * (see `DeployedFunction`). An environment that crashes or times out is replaced; the others, and
 * the other functions, never notice.
 *
 * @example
 * ```ts
 * const runner = new LambdaRunner({ region: 'eu-west-1', accountId: '000000000000', logSink: console.log });
 * runner.deploy({ functionName: 'todo', handler: 'index.handler', codeDir, runtime: 'nodejs22.x' });
 * const { payload, functionError } = await runner.invoke('todo', { event: { id: 1 } });
 * await runner.close();
 * ```
 */
export class LambdaRunner {
  private readonly functions = new Map<string, DeployedFunction>();
  private closed = false;
  // Children must not outlive the sandbox, even when it exits without calling close().
  private readonly killOnExit = () => {
    for (const deployed of this.functions.values()) deployed.killNow();
  };

  constructor(private readonly options: LambdaRunnerOptions) {
    process.on('exit', this.killOnExit);
  }

  /**
   * Makes a function invocable (its process starts on the first invocation). Deploying a name
   * again is a {@link swap}.
   *
   * @throws InvalidFunctionDefinitionError when Lambda would refuse the definition
   */
  deploy(definition: LambdaFunctionDefinition): string {
    this.assertOpen();
    const resolved = resolveDefinition(definition);
    const existing = this.functions.get(resolved.functionName);
    if (existing) existing.swap(resolved);
    else
      this.functions.set(
        resolved.functionName,
        new DeployedFunction(resolved, this.options, this.sink, this.options.concurrency),
      );
    return this.arnOf(resolved.functionName);
  }

  /**
   * Replaces a deployed function's code or settings (the fast loop): the next invocations run
   * in new processes; those in flight finish on the old ones, which then end.
   */
  swap(functionName: string, definition: LambdaFunctionDefinition): void {
    this.assertOpen();
    const deployed = this.lookup(functionName);
    const resolved = resolveDefinition({ ...definition, functionName: deployed.current.functionName });
    deployed.swap(resolved);
  }

  /** Whether a name or ARN designates a deployed function. */
  has(functionNameOrArn: string): boolean {
    const reference = parseFunctionReference(functionNameOrArn);
    return reference !== undefined && this.functions.has(reference.functionName);
  }

  /**
   * The definition a function runs with now (defaults applied).
   *
   * @throws FunctionNotFoundError
   */
  definitionOf(functionNameOrArn: string): ResolvedFunctionDefinition {
    return this.lookup(functionNameOrArn).current;
  }

  /**
   * How many execution environments a function has (busy, idle) and may have.
   *
   * @throws FunctionNotFoundError
   */
  concurrencyOf(functionNameOrArn: string): FunctionConcurrency {
    return this.lookup(functionNameOrArn).concurrency();
  }

  /** Every deployed function's name. */
  functionNames(): string[] {
    return [...this.functions.keys()];
  }

  /** The function's ARN in the sandbox's account and region. */
  arnOf(functionName: string): string {
    return functionArn(this.options.region, this.options.accountId, functionName);
  }

  /**
   * Invokes a function by name or ARN and resolves with its result; the function's own failures
   * (error, timeout, crash) are results with `functionError`, never rejections.
   *
   * @throws FunctionNotFoundError, RunnerClosedError, FunctionThrottledError (reserved concurrency 0)
   */
  invoke(functionNameOrArn: string, request: InvocationRequest): Promise<InvocationResult> {
    try {
      this.assertOpen();
      return this.lookup(functionNameOrArn).invoke(request);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Kills every function's process and resolves once they have all exited. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.off('exit', this.killOnExit);
    const reason = new RunnerClosedError();
    await Promise.all([...this.functions.values()].map((deployed) => deployed.close(reason)));
  }

  private readonly sink: LambdaLogSink = (record) => this.options.logSink?.(record);

  private lookup(functionNameOrArn: string): DeployedFunction {
    const reference = parseFunctionReference(functionNameOrArn);
    const deployed = reference && this.functions.get(reference.functionName);
    if (!deployed) throw new FunctionNotFoundError(functionNameOrArn);
    return deployed;
  }

  private assertOpen(): void {
    if (this.closed) throw new RunnerClosedError();
  }
}
