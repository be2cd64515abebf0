import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from 'fauxqs';
import type { Engine, EngineStartOptions } from './engine.ts';
import { LOOPBACK, loopbackEndpoint } from './engine.ts';
import { EnginePortInUseError, EngineStartError } from './engine-errors.ts';
import { ExitSignal } from './exit-signal.ts';
import { loadFauxqsInternals } from './fauxqs-modules.ts';
import { assertValidPort, isAddressInUse } from './loopback-port.ts';
import { once } from './once.ts';

export const FAUXQS = 'fauxqs';

/** fauxqs keeps SQS queues and messages, SNS topics and subscriptions, S3 buckets and objects. */
export interface FauxqsEngine extends Engine {
  /** True when `dataDir` was given: everything lives in `<dataDir>/fauxqs.db` (SQLite). */
  readonly persistent: boolean;
}

/**
 * Starts fauxqs (SQS, SNS and S3) in this process on 127.0.0.1. With `dataDir`, queues, messages,
 * topics, subscriptions, buckets and objects are kept in SQLite there and survive a restart.
 * Queue URLs are built from the request's `Host`, so behind the AWS endpoint they name the endpoint.
 *
 * @example
 * const fauxqs = await startFauxqsEngine({ dataDir: '.stratum/fauxqs' });
 * const sqs = new SQSClient({ endpoint: fauxqs.endpoint, region: 'us-east-1' });
 */
export async function startFauxqsEngine(options: EngineStartOptions = {}): Promise<FauxqsEngine> {
  const requestedPort = options.port ?? 0;
  assertValidPort(FAUXQS, requestedPort);
  const internals = await loadFauxqsInternals();
  const sqsStore = new internals.SqsStore();
  const snsStore = new internals.SnsStore();
  const s3Store = new internals.S3Store();
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  let persistence: InstanceType<typeof internals.PersistenceManager> | undefined;
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    try {
      persistence = new internals.PersistenceManager(dataDir);
      // Same order as fauxqs's own startFauxqs: load first, then attach, so that loading does not
      // write every row back.
      persistence.load(sqsStore, snsStore, s3Store);
    } catch (error) {
      persistence?.close();
      throw new EngineStartError(FAUXQS, `fauxqs could not open its state in ${dataDir}`, { cause: error });
    }
    sqsStore.persistence = persistence;
    snsStore.persistence = persistence;
    s3Store.persistence = persistence;
    for (const queue of sqsStore.allQueues()) queue.persistence = persistence;
  }

  const app = buildApp({ logger: false, stores: { sqsStore, snsStore, s3Store } });
  const exitSignal = new ExitSignal(FAUXQS);
  app.addHook('preClose', () => {
    persistence?.close();
  });
  try {
    await app.listen({ port: requestedPort, host: LOOPBACK });
  } catch (error) {
    await app.close().catch(() => {});
    if (isAddressInUse(error)) throw new EnginePortInUseError(FAUXQS, requestedPort, { cause: error });
    throw new EngineStartError(FAUXQS, `fauxqs could not listen on ${LOOPBACK}:${requestedPort}`, {
      cause: error,
    });
  }
  app.server.once('close', () => exitSignal.report('fauxqs server closed'));
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : requestedPort;

  return {
    name: FAUXQS,
    endpoint: loopbackEndpoint(port),
    port,
    persistent: persistence !== undefined,
    exited: exitSignal.exited,
    stop: once(async () => {
      exitSignal.markStopping();
      await app.close();
      exitSignal.report('stopped');
    }),
  };
}
