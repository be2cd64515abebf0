import { sleep } from './abortable-sleep.ts';

/** What one turn of a poller reports: it found work (poll again at once) or nothing (wait). */
export type PollResult = 'busy' | 'idle';

export interface PollLoopOptions {
  /** Pause after an idle turn. */
  readonly idleDelayMs: number;
  /** First pause after a failed turn (an engine that is down); doubles up to `maxBackoffMs`. */
  readonly errorDelayMs: number;
  readonly maxBackoffMs: number;
  readonly log: (line: string) => void;
}

/**
 * Runs `turn` again and again until `stop()`. A turn that throws (the engine is down, a network
 * error) is logged once per outage and retried with doubling back-off; the loop never dies and
 * resumes as soon as the engine answers again. `stop()` aborts the signal the turn receives (long
 * polls end early) and resolves once the turn in flight has finished.
 */
export class PollLoop {
  readonly #controller = new AbortController();
  #running: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly turn: (signal: AbortSignal) => Promise<PollResult>,
    private readonly options: PollLoopOptions,
  ) {}

  get stopped(): boolean {
    return this.#controller.signal.aborted;
  }

  start(): void {
    this.#running ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#controller.abort();
    await this.#running;
  }

  async #run(): Promise<void> {
    const signal = this.#controller.signal;
    let backoff = 0;
    while (!signal.aborted) {
      try {
        const result = await this.turn(signal);
        if (backoff > 0) this.options.log(`${this.name}: polling again`);
        backoff = 0;
        if (result === 'idle') await sleep(this.options.idleDelayMs, signal);
      } catch (error) {
        if (signal.aborted) break;
        if (backoff === 0) this.options.log(`${this.name}: poll failed, backing off: ${messageOf(error)}`);
        backoff =
          backoff === 0 ? this.options.errorDelayMs : Math.min(backoff * 2, this.options.maxBackoffMs);
        await sleep(backoff, signal);
      }
    }
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
