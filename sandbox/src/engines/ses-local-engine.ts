import { join } from 'node:path';
import { startOnLoopbackPort } from './child-port.ts';
import type { Engine, EngineStartOptions } from './engine.ts';
import { DEFAULT_START_TIMEOUT_MS, LOOPBACK, loopbackEndpoint } from './engine.ts';
import { assertValidPort } from './loopback-port.ts';
import { startNodeChildEngine } from './node-child-engine.ts';
import { packageDirectory } from './package-location.ts';
import { SesInbox } from './ses-inbox.ts';

export const SES_LOCAL = 'aws-ses-v2-local';

export interface SesLocalEngine extends Engine {
  /** Always false: aws-ses-v2-local keeps its inbox in memory; `dataDir` is not used. */
  readonly persistent: false;
  readonly inbox: SesInbox;
  /** The child process running the engine. */
  readonly pid: number | undefined;
}

/**
 * Starts aws-ses-v2-local (SES v2 and v1 `SendEmail`/`SendRawEmail`, with an inbox) in a child
 * process on 127.0.0.1. A child, not this process: the engine's store is a module-level
 * singleton, so two engines in one process would share one inbox, and it cannot be reset on stop.
 * The inbox lives in memory only: it is empty after every start.
 *
 * @example
 * const ses = await startSesLocalEngine();
 * const emails = await ses.inbox.emails();
 */
export function startSesLocalEngine(options: EngineStartOptions = {}): Promise<SesLocalEngine> {
  const requestedPort = options.port ?? 0;
  assertValidPort(SES_LOCAL, requestedPort);
  const packageDir = packageDirectory('aws-ses-v2-local');
  return startOnLoopbackPort(SES_LOCAL, requestedPort, async (port) => {
    const child = await startNodeChildEngine({
      engine: SES_LOCAL,
      script: join(packageDir, 'dist', 'cli.js'),
      args: ['--host', LOOPBACK, '--port', String(port)],
      cwd: packageDir,
      port,
      startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      readyPath: '/health-check',
    });
    const endpoint = loopbackEndpoint(port);
    return {
      name: SES_LOCAL,
      endpoint,
      port,
      persistent: false,
      inbox: new SesInbox(endpoint),
      pid: child.pid,
      exited: child.exitSignal.exited,
      stop: child.stop,
    };
  });
}
