import { Agent, type ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** Well under the 5 s keep-alive of Node servers (fauxqs, cognito-local, the SES engine) and Jetty's 30 s. */
const DEFAULT_IDLE_MS = 2_000;

/**
 * The connection pool from the AWS endpoint to the local engines. A connection per request costs
 * every request a TCP handshake on both sides; at GraphQL-load rates that was more than half of
 * DynamoDB Local's throughput through the endpoint (see `bench/` and the sandbox README).
 *
 * A pooled connection is closed by this side after `idleMs` without a request, before any engine
 * closes it: reusing a connection the engine has just closed is the one way pooling can fail a
 * request, and `proxyToUpstream` retries that case once on a new connection when it can.
 */
export class UpstreamAgent extends Agent {
  constructor(private readonly idleMs = DEFAULT_IDLE_MS) {
    super({ keepAlive: true, scheduling: 'lifo' });
  }

  /** Node's own rules (including a server's `Keep-Alive: timeout` hint), then the idle limit. */
  override keepSocketAlive(socket: Duplex): boolean {
    // @types/node says void; Node returns whether the socket may be kept (a hint can forbid it).
    const kept = super.keepSocketAlive(socket) as unknown as boolean;
    const tcp = socket as Socket;
    if (kept && (tcp.timeout === undefined || tcp.timeout === 0 || tcp.timeout > this.idleMs)) {
      // An idle pooled socket that times out is destroyed by the agent (it is in the free list).
      tcp.setTimeout(this.idleMs);
    }
    return kept;
  }

  /** Back in use: the idle limit must not cut a long request (an SQS long poll waits 20 s). */
  override reuseSocket(socket: Duplex, request: ClientRequest): void {
    super.reuseSocket(socket, request);
    (socket as Socket).setTimeout(0);
  }
}
