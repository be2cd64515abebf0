import { createServer } from 'node:net';
import { LOOPBACK } from './engine.ts';
import { EngineError, EnginePortInUseError } from './engine-errors.ts';

export function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
}

/** Rejects with a clear error when `port` is not an integer from 0 to 65535. */
export function assertValidPort(engine: string, port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new EngineError(engine, `${engine}: port must be an integer from 0 to 65535, got ${port}`);
  }
}

/**
 * Binds `port` on 127.0.0.1 for a moment and releases it. Port 0 asks the kernel for a free port.
 * Engines that run as child processes (or whose own error for a taken port is unclear) use it to
 * fail with an `EnginePortInUseError` naming the engine and the port before anything starts.
 */
export function reservePort(engine: string, port = 0): Promise<number> {
  assertValidPort(engine, port);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error) =>
      reject(
        isAddressInUse(error)
          ? new EnginePortInUseError(engine, port, { cause: error })
          : new EngineError(engine, `${engine}: cannot bind 127.0.0.1:${port}: ${error.message}`, {
              cause: error,
            }),
      ),
    );
    server.listen(port, LOOPBACK, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}
