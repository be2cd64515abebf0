/** Base of every error raised while starting or running a local engine. */
export class EngineError extends Error {
  readonly engine: string;

  constructor(engine: string, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'EngineError';
    this.engine = engine;
  }
}

/** The port an engine was asked to listen on is taken by another process. */
export class EnginePortInUseError extends EngineError {
  readonly port: number;

  constructor(engine: string, port: number, options: { cause?: unknown } = {}) {
    super(
      engine,
      `${engine} cannot listen on 127.0.0.1:${port}: the port is already in use. ` +
        'Stop the process holding it, or start the engine on another port (0 picks a free one).',
      options,
    );
    this.name = 'EnginePortInUseError';
    this.port = port;
  }
}

/** The engine did not come up: it exited, crashed or did not answer in time. */
export class EngineStartError extends EngineError {
  /** The last lines the engine printed, when it runs as a child process. */
  readonly output: string;

  constructor(engine: string, message: string, options: { cause?: unknown; output?: string } = {}) {
    super(
      engine,
      options.output ? `${message}\n--- ${engine} output ---\n${options.output}` : message,
      options,
    );
    this.name = 'EngineStartError';
    this.output = options.output ?? '';
  }
}
