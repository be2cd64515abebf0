import { createServer, type Server } from 'node:net';
import { expect } from 'vitest';
import type { Engine, EngineStartOptions } from '../../src/engines/index.ts';
import { EnginePortInUseError } from '../../src/engines/index.ts';

/** Holds a loopback port, as another program would. */
export async function occupyPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Checks what every engine promises: loopback endpoint, clear port-in-use error, idempotent stop. */
export async function expectEngineContract(
  start: (options: EngineStartOptions) => Promise<Engine>,
  engineName: string,
): Promise<void> {
  const held = await occupyPort();
  try {
    const attempt = start({ port: held.port });
    await expect(attempt).rejects.toBeInstanceOf(EnginePortInUseError);
    await expect(attempt).rejects.toThrow(`${engineName} cannot listen on 127.0.0.1:${held.port}`);
  } finally {
    await held.release();
  }

  const engine = await start({});
  expect(engine.name).toBe(engineName);
  expect(engine.endpoint).toBe(`http://127.0.0.1:${engine.port}`);
  await Promise.all([engine.stop(), engine.stop()]);
  await engine.stop();
  await expect(engine.exited).resolves.toMatchObject({ engine: engineName, expected: true });
  await expect(fetch(engine.endpoint)).rejects.toThrow();
}
