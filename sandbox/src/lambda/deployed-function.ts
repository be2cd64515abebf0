import { ExecutionEnvironment } from './execution-environment.ts';
import type { ResolvedFunctionDefinition } from './function-definition.ts';
import type { InvocationRequest, InvocationResult } from './invocation.ts';
import { FunctionThrottledError } from './lambda-errors.ts';
import type { LambdaLogSink } from './log-record.ts';
import type { SandboxAwsSettings } from './runtime-environment.ts';

/** How many execution environments a function may have, and how long an idle one is kept. */
export interface ConcurrencySettings {
  /**
   * The most environments (processes) one function runs at once; a function's reserved
   * concurrency lowers it, never raises it. Each is a `node` process of 40-100 MB.
   * @default 4
   */
  readonly maxEnvironmentsPerFunction?: number;
  /** An environment idle this long is stopped (Lambda reclaims idle ones after minutes too). @default 300_000 */
  readonly idleTimeoutMs?: number;
}

export const DEFAULT_MAX_ENVIRONMENTS = 4;
export const DEFAULT_IDLE_TIMEOUT_MS = 300_000;

interface Queued {
  readonly request: InvocationRequest;
  readonly resolve: (result: InvocationResult) => void;
  readonly reject: (error: unknown) => void;
}

interface Idle {
  readonly environment: ExecutionEnvironment;
  readonly since: number;
}

/** How many environments a function has now, and how many it may have. */
export interface FunctionConcurrency {
  readonly busy: number;
  readonly idle: number;
  readonly limit: number;
}

/**
 * A deployed function and its execution environments, scaled as Lambda scales them: an
 * invocation takes the most recently used idle environment (LIFO, so the warmest one and the
 * others age out), a new one is started when all are busy, up to the function's limit (its
 * reserved concurrency, capped by the runner's), and further invocations wait in arrival order.
 * Environments idle for `idleTimeoutMs` are stopped. Each environment runs one invocation at a
 * time; one that crashes or times out is dropped and the others keep serving.
 */
export class DeployedFunction {
  /** Idle environments, the most recently used last. */
  private readonly idle: Idle[] = [];
  /** Environments running an invocation, including those of a definition replaced by a swap. */
  private readonly busy = new Set<ExecutionEnvironment>();
  private readonly queue: Queued[] = [];
  private reaper: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly maxEnvironments: number;
  private readonly idleTimeoutMs: number;

  constructor(
    private definition: ResolvedFunctionDefinition,
    private readonly aws: SandboxAwsSettings,
    private readonly logSink: LambdaLogSink,
    settings: ConcurrencySettings = {},
  ) {
    this.maxEnvironments = settings.maxEnvironmentsPerFunction ?? DEFAULT_MAX_ENVIRONMENTS;
    this.idleTimeoutMs = settings.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  }

  get current(): ResolvedFunctionDefinition {
    return this.definition;
  }

  /** Environments of the current definition may not exceed this. */
  get limit(): number {
    const reserved = this.definition.reservedConcurrency;
    return reserved === undefined ? this.maxEnvironments : Math.min(reserved, this.maxEnvironments);
  }

  concurrency(): FunctionConcurrency {
    return { busy: this.busyOfCurrent(), idle: this.idle.length, limit: this.limit };
  }

  invoke(request: InvocationRequest): Promise<InvocationResult> {
    if (this.limit === 0) return Promise.reject(new FunctionThrottledError(this.definition.functionName));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  /**
   * New code (or settings) for the next invocations, which start new environments; invocations
   * in flight finish on their old environment, which then ends.
   */
  swap(definition: ResolvedFunctionDefinition): void {
    this.definition = definition;
    for (const { environment } of this.idle.splice(0)) void environment.kill();
    this.pump();
  }

  /** Kills every environment of the function and fails the invocations still queued. */
  async close(reason: Error): Promise<void> {
    this.closed = true;
    clearTimeout(this.reaper);
    for (const queued of this.queue.splice(0)) queued.reject(reason);
    const environments = [...this.busy, ...this.idle.splice(0).map((idle) => idle.environment)];
    await Promise.all(environments.map((environment) => environment.kill()));
  }

  /** For the sandbox's `exit` handler: no waiting possible there. */
  killNow(): void {
    for (const environment of this.busy) environment.killNow();
    for (const { environment } of this.idle) environment.killNow();
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      const environment = this.take();
      const next = environment && this.queue.shift();
      if (!environment || !next) return;
      this.run(environment, next);
    }
  }

  /** The warmest idle environment, a new one if the limit allows, or nothing (wait). */
  private take(): ExecutionEnvironment | undefined {
    for (let idle = this.idle.pop(); idle; idle = this.idle.pop()) {
      if (!idle.environment.dead) return idle.environment;
    }
    if (this.busyOfCurrent() >= this.limit) return undefined;
    return new ExecutionEnvironment(this.definition, this.aws, this.logSink);
  }

  private run(environment: ExecutionEnvironment, queued: Queued): void {
    this.busy.add(environment);
    // The environment is back in the pool before the caller hears the result, so a caller that
    // invokes again at once gets this warm environment rather than a new one.
    environment.invoke(queued.request).then(
      (result) => {
        this.finished(environment);
        queued.resolve(result);
      },
      (error: unknown) => {
        this.finished(environment);
        queued.reject(error);
      },
    );
  }

  private finished(environment: ExecutionEnvironment): void {
    this.busy.delete(environment);
    const stale = environment.definition !== this.definition;
    if (this.closed || stale || environment.dead) void environment.kill();
    else this.release(environment);
    this.pump();
  }

  private release(environment: ExecutionEnvironment): void {
    this.idle.push({ environment, since: Date.now() });
    this.scheduleReap();
  }

  /** Stops the environments idle for too long; the oldest idle one is at the bottom of the stack. */
  private scheduleReap(): void {
    const oldest = this.idle[0];
    if (this.reaper !== undefined || !oldest || this.closed) return;
    this.reaper = setTimeout(
      () => {
        this.reaper = undefined;
        const cutoff = Date.now() - this.idleTimeoutMs;
        while (this.idle[0] && this.idle[0].since <= cutoff) void this.idle.shift()?.environment.kill();
        this.scheduleReap();
      },
      Math.max(0, oldest.since + this.idleTimeoutMs - Date.now()),
    );
    this.reaper.unref();
  }

  private busyOfCurrent(): number {
    let count = 0;
    for (const environment of this.busy) if (environment.definition === this.definition) count += 1;
    return count;
  }
}
