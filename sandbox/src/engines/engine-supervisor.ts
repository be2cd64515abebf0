import type { Engine, EngineExit } from './engine.ts';
import { ExitSignal } from './exit-signal.ts';

export interface EngineSupervisorOptions<E extends Engine> {
  /** Starts the engine on `port` (0 the first time: any free port; then the same port again). */
  readonly start: (port: number) => Promise<E>;
  /** Told when the engine dies on its own (calls fail with a clean 5xx meanwhile). */
  readonly onDown?: (exit: EngineExit) => void;
  /** Told when a restarted engine answers again, on the same port. */
  readonly onUp?: (engine: E, downForMs: number) => void;
  /** Told when a restart attempt fails (another follows after the next delay). */
  readonly onRestartFailed?: (error: unknown, attempt: number) => void;
  /** Waits before successive restart attempts; the last one repeats. @default [0, 1000, 2000, 5000] */
  readonly restartDelaysMs?: readonly number[];
}

/**
 * Keeps an engine running: when it dies on its own, it is started again on the same port with the
 * same data, so every URL handed out (the AWS endpoint's routes, stream pollers, functions) stays
 * valid and the sandbox recovers without a restart. `stop()` ends it for good.
 *
 * @example
 * const ddb = await EngineSupervisor.start({
 *   start: (port) => startDynamoDbLocalEngine({ port, dataDir }),
 *   onDown: (exit) => log(`ENGINE DOWN: ${exit.engine} (${exit.reason}); restarting`),
 * });
 */
export class EngineSupervisor<E extends Engine> implements Engine {
  readonly name: string;
  readonly endpoint: string;
  readonly port: number;
  private readonly signal: ExitSignal;
  private engine: E;
  private running = true;
  private stopped = false;
  private restarting: Promise<void> | undefined;

  private constructor(
    first: E,
    private readonly options: EngineSupervisorOptions<E>,
  ) {
    this.engine = first;
    this.name = first.name;
    this.endpoint = first.endpoint;
    this.port = first.port;
    this.signal = new ExitSignal(first.name);
    this.watch(first);
  }

  static async start<E extends Engine>(options: EngineSupervisorOptions<E>): Promise<EngineSupervisor<E>> {
    return new EngineSupervisor(await options.start(0), options);
  }

  /** Resolves once `stop()` has stopped the engine (a death that is restarted does not count). */
  get exited(): Promise<EngineExit> {
    return this.signal.exited;
  }

  /** The running instance (replaced on each restart). */
  get current(): E {
    return this.engine;
  }

  /** False between a death and the restarted engine answering. */
  get up(): boolean {
    return this.running;
  }

  /** Resolves once a restart in progress has finished (at once when none is). */
  async recovered(): Promise<void> {
    await this.restarting;
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.signal.exited.then(() => undefined);
    this.stopped = true;
    this.signal.markStopping();
    await this.restarting?.catch(() => undefined);
    await this.engine.stop();
    this.signal.report('stopped');
  }

  private watch(engine: E): void {
    void engine.exited.then((exit) => {
      if (exit.expected || this.stopped || engine !== this.engine) return;
      this.running = false;
      this.options.onDown?.(exit);
      this.restarting = this.restart(Date.now()).finally(() => {
        this.restarting = undefined;
      });
    });
  }

  private async restart(downSince: number): Promise<void> {
    const delays = this.options.restartDelaysMs ?? [0, 1000, 2000, 5000];
    for (let attempt = 1; !this.stopped; attempt++) {
      const delay = delays[Math.min(attempt - 1, delays.length - 1)] ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (this.stopped) return;
      try {
        const engine = await this.options.start(this.port);
        if (this.stopped) {
          await engine.stop();
          return;
        }
        this.engine = engine;
        this.running = true;
        this.watch(engine);
        this.options.onUp?.(engine, Date.now() - downSince);
        return;
      } catch (error) {
        this.options.onRestartFailed?.(error, attempt);
      }
    }
  }
}
