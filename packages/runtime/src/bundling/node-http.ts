/**
 * `node:http` for bundled ESM code, loaded with `require` instead of `import`.
 *
 * Why: when ES module code imports a built-in module, Node builds an ESM facade that reads
 * every export once. `node:http` exports `WebSocket`, `CloseEvent` and `MessageEvent` as lazy
 * getters, so that read loads Node's whole bundled undici (fetch, WebSocket, web streams,
 * worker_threads, ...): about 20 ms of a cold start for nothing the functions use. `require`
 * returns the same module object without touching those getters.
 *
 * `StratumFunction` aliases `http` and `node:http` to this file (esbuild `--alias`), so every
 * bundled library (the AWS SDK's HTTP handler, the Powertools tracer) gets it. A library that
 * imports a name missing below fails the build, loudly, rather than at run time.
 */
import { createRequire } from 'node:module';

const http: typeof import('node:http') = createRequire(import.meta.url)('node:http');

export default http;
export const {
  Agent,
  ClientRequest,
  IncomingMessage,
  METHODS,
  OutgoingMessage,
  STATUS_CODES,
  Server,
  ServerResponse,
  createServer,
  get,
  globalAgent,
  maxHeaderSize,
  request,
  setMaxIdleHTTPParsers,
  validateHeaderName,
  validateHeaderValue,
} = http;
