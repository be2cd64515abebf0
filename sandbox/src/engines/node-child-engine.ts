import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { LOOPBACK } from './engine.ts';
import { EnginePortInUseError, EngineStartError } from './engine-errors.ts';
import { ExitSignal } from './exit-signal.ts';
import { once } from './once.ts';

/**
 * Runs a CommonJS entry point in a child `node` that also exits when its stdin closes, so even a
 * SIGKILLed sandbox leaves no engine behind (the pipe closes with the parent).
 */
const EXIT_WITH_PARENT =
  "process.stdin.on('end',()=>process.exit(0));process.stdin.on('error',()=>process.exit(0));" +
  'process.stdin.resume();require(process.argv[1]);';

const OUTPUT_TAIL_CHARS = 4_000;
const KILL_AFTER_MS = 3_000;

export interface NodeChildEngineOptions {
  readonly engine: string;
  /** Absolute path of the engine's CommonJS entry point. */
  readonly script: string;
  readonly args?: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** The port the engine was told to use; readiness is probed there. */
  readonly port: number;
  /** A GET path that answers 2xx once the engine serves requests. */
  readonly readyPath: string;
  readonly startTimeoutMs: number;
}

export interface NodeChildEngine {
  readonly exitSignal: ExitSignal;
  readonly pid: number | undefined;
  /** The last characters the engine printed. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the child and resolves once `readyPath` answers; fails with the engine's output. */
export async function startNodeChildEngine(options: NodeChildEngineOptions): Promise<NodeChildEngine> {
  const { engine } = options;
  const { NODE_OPTIONS: _loaders, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-e', EXIT_WITH_PARENT, options.script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...inherited, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exitSignal = new ExitSignal(engine);
  let output = '';
  const record = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  let spawnError: Error | null = null;
  child.once('error', (error) => {
    spawnError = error;
    exitSignal.report(`${engine} could not be started: ${error.message}`);
  });
  child.once('exit', (code, signal) => {
    exitSignal.report(`${engine} exited (code ${code}, signal ${signal})`);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = () => {
    exitSignal.markStopping();
    return terminate(child).finally(() => process.removeListener('exit', killOnExit));
  };

  try {
    await waitUntilReady(options, () => exitSignal.hasExited);
  } catch (error) {
    await stop();
    if (/EADDRINUSE/.test(output)) throw new EnginePortInUseError(engine, options.port, { cause: error });
    const why = spawnError ?? error;
    throw new EngineStartError(
      engine,
      `${engine} did not start on ${LOOPBACK}:${options.port}: ${messageOf(why)}`,
      {
        output,
        cause: why,
      },
    );
  }

  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as { unref?: () => void } | null)?.unref?.();
  }
  return { exitSignal, pid: child.pid, output: () => output, stop: once(stop) };
}

async function waitUntilReady(options: NodeChildEngineOptions, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + options.startTimeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the process exited during start');
    if (await answers(options.port, options.readyPath)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no answer on GET ${options.readyPath} within ${options.startTimeoutMs} ms`);
}

function answers(port: number, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ host: LOOPBACK, port, path, method: 'GET', timeout: 500 }, (response) => {
      response.resume();
      resolve((response.statusCode ?? 500) < 300);
    });
    probe.once('timeout', () => probe.destroy());
    probe.once('error', () => resolve(false));
    probe.end();
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise((done) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.once('exit', () => {
      clearTimeout(forceKill);
      done();
    });
    child.kill('SIGTERM');
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
