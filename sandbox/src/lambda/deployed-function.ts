import { ExecutionEnvironment } from './execution-environment.ts';
import type { ResolvedFunctionDefinition } from './function-definition.ts';
import type { InvocationRequest, InvocationResult } from './invocation.ts';
import type { LambdaLogSink } from './log-record.ts';
import type { SandboxAwsSettings } from './runtime-environment.ts';

interface Queued {
  readonly request: InvocationRequest;
  readonly resolve: (result: InvocationResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A deployed function: its current definition, its one warm execution environment and the
 * invocations waiting for it. Invocations run one at a time, in arrival order — a reserved
 * concurrency of one — so module state behaves as in a single Lambda execution environment.
 * (A function that synchronously invokes itself would wait for its own timeout; none here does.)
 */
export class DeployedFunction {
  private environment: ExecutionEnvironment | undefined;
  private readonly queue: Queued[] = [];
  /** Environments replaced by a swap, still finishing the invocation they were running. */
  private readonly retiring = new Set<ExecutionEnvironment>();
  private closed = false;

  constructor(
    private definition: ResolvedFunctionDefinition,
    private readonly aws: SandboxAwsSettings,
    private readonly logSink: LambdaLogSink,
  ) {}

  get current(): ResolvedFunctionDefinition {
    return this.definition;
  }

  invoke(request: InvocationRequest): Promise<InvocationResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  /**
   * New code (or settings) for the next invocation, which starts a new process; the invocation
   * in flight, if any, finishes on the old process, which then ends.
   */
  swap(definition: ResolvedFunctionDefinition): void {
    this.definition = definition;
    const previous = this.environment;
    this.environment = undefined;
    if (previous?.busy) this.retiring.add(previous);
    else void previous?.kill();
    this.pump();
  }

  /** Kills every process of the function and fails the invocations still queued. */
  async close(reason: Error): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.reject(reason);
    const environments = [...this.retiring, ...(this.environment ? [this.environment] : [])];
    this.environment = undefined;
    this.retiring.clear();
    await Promise.all(environments.map((environment) => environment.kill()));
  }

  /** For the sandbox's `exit` handler: no waiting possible there. */
  killNow(): void {
    for (const environment of [...this.retiring, this.environment]) environment?.killNow();
  }

  private pump(): void {
    if (this.closed || this.environment?.busy) return;
    const next = this.queue.shift();
    if (!next) return;
    if (!this.environment || this.environment.dead) {
      this.environment = new ExecutionEnvironment(this.definition, this.aws, this.logSink);
    }
    const environment = this.environment;
    environment
      .invoke(next.request)
      .then(next.resolve, next.reject)
      .finally(() => {
        if (this.retiring.delete(environment)) void environment.kill();
        this.pump();
      });
  }
}
