/** Options every engine launcher accepts. */
export interface EngineStartOptions {
  /** Loopback port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Directory the engine keeps its state in, across restarts. @default undefined (state dies with the engine) */
  readonly dataDir?: string;
  /**
   * How long to wait for the engine to answer. Generous by default: a JVM on a loaded two-core CI
   * machine can take tens of seconds. @default 60_000 (90_000 for DynamoDB Local)
   */
  readonly startTimeoutMs?: number;
}

export const DEFAULT_START_TIMEOUT_MS = 60_000;

/** How and why an engine stopped. */
export interface EngineExit {
  readonly engine: string;
  /** True when `stop()` asked for it; false when the engine died on its own. */
  readonly expected: boolean;
  readonly reason: string;
}

/**
 * A running third-party engine. Every engine listens on 127.0.0.1 only.
 *
 * @example
 * const engine = await startFauxqsEngine({ port: 0 });
 * engine.exited.then((exit) => { if (!exit.expected) console.error(exit.reason); });
 * await engine.stop();
 */
export interface Engine {
  readonly name: string;
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  /** Resolves once the engine has stopped, whether `stop()` asked for it or it died. */
  readonly exited: Promise<EngineExit>;
  /** Stops the engine and any child process. Safe to call more than once. */
  stop(): Promise<void>;
}

/** The shape shared by every launcher in this folder. */
export type EngineLauncher<E extends Engine = Engine> = (options?: EngineStartOptions) => Promise<E>;

export const LOOPBACK = '127.0.0.1';

export function loopbackEndpoint(port: number): string {
  return `http://${LOOPBACK}:${port}`;
}
