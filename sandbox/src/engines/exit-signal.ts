import type { EngineExit } from './engine.ts';

/**
 * The `exited` promise of an engine, settled once: by `stop()` (expected) or by whatever first
 * notices the engine is gone (a child's `exit`, a server's `close`, a failed health probe).
 */
export class ExitSignal {
  readonly exited: Promise<EngineExit>;
  private stopping = false;
  private settle: (exit: EngineExit) => void = () => {};
  private settled = false;

  constructor(private readonly engine: string) {
    this.exited = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  get hasExited(): boolean {
    return this.settled;
  }

  /** Called by `stop()` before it tears the engine down, so the exit counts as expected. */
  markStopping(): void {
    this.stopping = true;
  }

  report(reason: string): void {
    if (this.settled) return;
    this.settled = true;
    this.settle({ engine: this.engine, expected: this.stopping, reason });
  }
}
