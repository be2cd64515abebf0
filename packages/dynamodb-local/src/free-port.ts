import { createServer } from 'node:net';

/**
 * Asks the kernel for a free loopback port. DynamoDB Local rejects `-port 0`, so the port is
 * chosen here; the small window before the JVM binds it is covered by a retry in the caller.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('The kernel returned no free port'))));
    });
  });
}
