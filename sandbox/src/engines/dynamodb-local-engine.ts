import { connect } from 'node:net';
import { DynamoDbLocalError, startDynamoDbLocal } from '@stratum/dynamodb-local';
import type { Engine, EngineStartOptions } from './engine.ts';
import { LOOPBACK } from './engine.ts';
import { EnginePortInUseError, EngineStartError } from './engine-errors.ts';
import { ExitSignal } from './exit-signal.ts';
import { assertValidPort, reservePort } from './loopback-port.ts';
import { once } from './once.ts';

export const DYNAMODB_LOCAL = 'dynamodb-local';

/** A JVM on a busy two-core machine can take far longer than the package's 20 s default. */
const JVM_START_TIMEOUT_MS = 90_000;
/** How often the engine's port is probed to notice a JVM that died. */
const LIVENESS_INTERVAL_MS = 1_000;

export interface DynamoDbLocalEngine extends Engine {
  /** True when `dataDir` was given (`-dbPath`); otherwise `-inMemory`. */
  readonly persistent: boolean;
}

/**
 * AWS's DynamoDB Local (tables, GSIs, transactions, TTL, streams) through `@stratum/dynamodb-local`.
 * That package does not expose the JVM's exit, so a death is noticed by probing the port once a
 * second: `exited` resolves within about a second of the JVM going away.
 *
 * @example
 * const ddb = await startDynamoDbLocalEngine({ dataDir: '.stratum/dynamodb' });
 */
export async function startDynamoDbLocalEngine(
  options: EngineStartOptions = {},
): Promise<DynamoDbLocalEngine> {
  const requestedPort = options.port ?? 0;
  assertValidPort(DYNAMODB_LOCAL, requestedPort);
  // The JVM's own message for a taken port is buried in its output; check first for a clear error.
  if (requestedPort !== 0) await reservePort(DYNAMODB_LOCAL, requestedPort);
  let ddb: Awaited<ReturnType<typeof startDynamoDbLocal>>;
  try {
    ddb = await startDynamoDbLocal({
      port: requestedPort,
      startTimeoutMs: options.startTimeoutMs ?? JVM_START_TIMEOUT_MS,
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    });
  } catch (error) {
    if (
      error instanceof DynamoDbLocalError &&
      /Could not start server on port|BindException/.test(error.output)
    ) {
      throw new EnginePortInUseError(DYNAMODB_LOCAL, requestedPort, { cause: error });
    }
    throw new EngineStartError(DYNAMODB_LOCAL, 'DynamoDB Local did not start', { cause: error });
  }
  const exitSignal = new ExitSignal(DYNAMODB_LOCAL);
  const liveness = setInterval(() => {
    void portAnswers(ddb.port).then((alive) => {
      if (!alive && !exitSignal.isStopping) {
        exitSignal.report(`DynamoDB Local stopped accepting connections on ${LOOPBACK}:${ddb.port}`);
        clearInterval(liveness);
      }
    });
  }, LIVENESS_INTERVAL_MS);
  liveness.unref();
  return {
    name: DYNAMODB_LOCAL,
    endpoint: ddb.endpoint,
    port: ddb.port,
    persistent: options.dataDir !== undefined,
    exited: exitSignal.exited,
    stop: once(async () => {
      exitSignal.markStopping();
      clearInterval(liveness);
      await ddb.stop();
      exitSignal.report('stopped');
    }),
  };
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port, timeout: 500 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true); // slow (a busy JVM) is not dead
    });
    socket.once('error', () => resolve(false));
  });
}
