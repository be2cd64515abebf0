import { EnginePortInUseError } from './engine-errors.ts';
import { reservePort } from './loopback-port.ts';

const AUTO_PORT_ATTEMPTS = 3;

/**
 * Runs `start` on a concrete port: the requested one (checked free first, so a taken port fails
 * with an error naming engine and port), or for 0 a free one chosen here, retried when another
 * process takes it between the check and the child's bind.
 */
export async function startOnLoopbackPort<T>(
  engine: string,
  requestedPort: number,
  start: (port: number) => Promise<T>,
): Promise<T> {
  const attempts = requestedPort === 0 ? AUTO_PORT_ATTEMPTS : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = await reservePort(engine, requestedPort);
    try {
      return await start(port);
    } catch (error) {
      lastError = error;
      if (!(error instanceof EnginePortInUseError)) throw error;
    }
  }
  throw lastError;
}
