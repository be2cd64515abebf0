import {
  type Agent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { pipeline } from 'node:stream';
import { sendAwsError } from './aws-error-response.ts';
import type { RequestHead } from './service-detection.ts';

/** An engine that does not accept a loopback connection in this time is reported as down. */
const CONNECT_TIMEOUT_MS = 1_000;

/**
 * Headers that belong to one connection (RFC 9110 §7.6.1), and `expect`: this server has already
 * answered `100 Continue` to the client, so the engine must not wait for a body it is being sent.
 * Everything else goes through untouched — `host` included: fauxqs builds queue URLs from it and
 * reads virtual-hosted bucket names from it, and the signed headers stay as they were signed.
 */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

export interface ProxyRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly head: RequestHead;
  readonly service: string;
  readonly upstream: URL;
  /** The body, when it was read to detect the service; otherwise `req` is streamed. */
  readonly body?: Buffer;
  /** The engines' connection pool (`UpstreamAgent`). */
  readonly agent: Agent;
}

/** What a pooled connection that the engine closed just as it was reused fails with. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Streams the request to the engine and its answer back, both ways without buffering (S3 objects of
 * many MB), over the endpoint's pooled connections. When a reused connection turns out to be closed
 * by the engine before any answer, a request whose body is in memory is sent once more on a new
 * connection; a streamed body cannot be replayed, so that request gets the 503 below. An engine that
 * refuses or does not accept the connection within a second gets the caller an AWS-shaped 503.
 */
export function proxyToUpstream(request: ProxyRequest): void {
  send(request, request.agent, true);
}

function send(request: ProxyRequest, agent: Agent | false, mayRetry: boolean): void {
  const { req, res, head, service, upstream, body } = request;
  const outgoing = httpRequest({
    host: upstream.hostname,
    port: upstream.port,
    method: req.method,
    path: req.url,
    headers: forwardedHeaders(req.headers, body),
    agent,
  });
  const connectTimer = setTimeout(
    () => outgoing.destroy(new Error(`no connection within ${CONNECT_TIMEOUT_MS} ms`)),
    CONNECT_TIMEOUT_MS,
  );
  outgoing.once('socket', (socket) => {
    if (!socket.connecting) clearTimeout(connectTimer);
    else socket.once('connect', () => clearTimeout(connectTimer));
  });
  outgoing.once('error', (error: NodeJS.ErrnoException) => {
    clearTimeout(connectTimer);
    const stale = outgoing.reusedSocket && STALE_CONNECTION.has(error.code ?? '');
    if (stale && mayRetry && body !== undefined && !res.headersSent) {
      send(request, false, false);
    } else if (!res.headersSent) {
      sendAwsError(head, service, res, {
        status: 503,
        code: 'ServiceUnavailable',
        message: `The local engine for ${service} at ${upstream.origin} is not answering (${error.message}).`,
      });
    } else {
      res.destroy(error);
    }
  });
  outgoing.once('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, responseHeaders(answer.headers));
    pipeline(answer, res, () => {});
  });
  res.once('close', () => {
    if (!res.writableFinished) outgoing.destroy();
  });

  if (body !== undefined) {
    outgoing.end(body);
  } else {
    // pipe, not pipeline: a failed upstream must not destroy the client's socket before the 503.
    req.pipe(outgoing);
    req.once('error', (error) => outgoing.destroy(error));
  }
}

function forwardedHeaders(headers: IncomingHttpHeaders, body: Buffer | undefined): OutgoingHttpHeaders {
  const forwarded: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name)) forwarded[name] = value;
  }
  if (body !== undefined) {
    delete forwarded['transfer-encoding'];
    forwarded['content-length'] = body.length;
  }
  return forwarded;
}

function responseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const forwarded: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name) && name !== 'transfer-encoding')
      forwarded[name] = value;
  }
  return forwarded;
}
