import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AccessLogSink, DEFAULT_ACCESS_LOG_FORMAT, renderAccessLog } from './access-log.ts';
import { type ApiRequest, readApiRequest } from './api-request.ts';
import { type ApiResponse, INTERNAL_ERROR } from './api-response.ts';
import {
  type HandledRequest,
  HttpApiHandler,
  type HttpApiHandlerOptions,
  type RequestBody,
} from './http-api-handler.ts';
import { clfTime, newRequestId, newTraceHeader } from './request-ids.ts';

/** HTTP APIs refuse request payloads over 10 MB. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export interface HttpApiServerOptions extends HttpApiHandlerOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** One rendered line per request, in the stage's `AccessLogSettings.Format` or a default JSON one. */
  readonly accessLog?: AccessLogSink;
}

/**
 * One HTTP API on its own local port, the way each API has its own `execute-api` host on AWS:
 * paths reach the routes unchanged (no API id in the path) and `ApiEndpoint` is simply
 * `http://127.0.0.1:<port>`.
 *
 * @example
 * ```ts
 * const server = await HttpApiServer.start({ api, invoker, accountId: '000000000000', region: 'eu-west-1' });
 * await fetch(`${server.url}/graphql`, { method: 'POST', body: '{}' });
 * await server.close();
 * ```
 */
export class HttpApiServer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: HttpApiServerOptions): Promise<HttpApiServer> {
    const handler = new HttpApiHandler(options);
    const now = options.now ?? Date.now;
    const server = createServer((request, response) => {
      serve(request, response, handler, options, now).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    return new HttpApiServer(server, `http://${host}:${port}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}

async function serve(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  handler: HttpApiHandler,
  options: HttpApiServerOptions,
  now: () => number,
): Promise<void> {
  const started = performance.now();
  const receivedAt = now();
  const requestId = newRequestId();
  const read = readApiRequest(incoming);
  const body = await readBody(incoming, MAX_REQUEST_BYTES);
  // API Gateway buffers the body: the function sees its length, never the chunked framing.
  const headers: Record<string, string> = { ...read.headers };
  delete headers['transfer-encoding'];
  if (body.kind === 'read' && body.bytes.length > 0) {
    headers['content-length'] = String(body.bytes.length);
  }
  headers['x-amzn-trace-id'] ??= newTraceHeader(receivedAt);
  const request: ApiRequest = { ...read, headers };
  const origin = {
    accountId: options.accountId,
    apiId: options.api.id,
    stage: '$default',
    requestId,
    time: clfTime(receivedAt),
    timeEpoch: receivedAt,
  };
  let handled: HandledRequest;
  try {
    handled = await handler.handle(request, body, origin);
  } catch (error) {
    handled = {
      response: INTERNAL_ERROR(),
      errorMessage: error instanceof Error ? error.message : String(error),
    };
  }
  writeResponse(outgoing, handled.response, requestId);
  if (options.accessLog) {
    const sink = options.accessLog;
    const format = options.api.stageFor(request.rawPath)?.stage.accessLogFormat ?? DEFAULT_ACCESS_LOG_FORMAT;
    outgoing.once('finish', () => {
      sink(
        renderAccessLog(format, {
          requestId,
          apiId: options.api.id,
          stage: handled.stage ?? '$default',
          domainName: request.domainName,
          sourceIp: request.sourceIp,
          userAgent: request.userAgent,
          requestTime: origin.time,
          requestTimeEpoch: Math.floor(receivedAt / 1000),
          httpMethod: request.method,
          path: request.rawPath,
          protocol: request.protocol,
          routeKey: handled.routeKey ?? '-',
          status: handled.response.statusCode,
          responseLength: handled.response.body.length,
          responseLatency: Math.round(performance.now() - started),
          ...(handled.integrationLatency !== undefined && { integrationLatency: handled.integrationLatency }),
          ...(handled.integrationStatus !== undefined && { integrationStatus: handled.integrationStatus }),
          ...(handled.integrationErrorMessage && {
            integrationErrorMessage: handled.integrationErrorMessage,
          }),
          ...(handled.authorizerError && { authorizerError: handled.authorizerError }),
          ...(handled.errorMessage && { errorMessage: handled.errorMessage }),
        }),
      );
    });
  }
}

/**
 * The whole body, or `too-large` past `limit` bytes. A declared `content-length` over the limit
 * is refused before reading; otherwise the excess is read and dropped, so the client gets the
 * 413 rather than a reset connection.
 */
function readBody(request: IncomingMessage, limit: number): Promise<RequestBody> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume();
    return Promise.resolve({ kind: 'too-large' });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
      }
    });
    request.on('end', () =>
      resolve(size > limit ? { kind: 'too-large' } : { kind: 'read', bytes: Buffer.concat(chunks) }),
    );
    request.on('error', reject);
  });
}

/** Headers about the connection, which API Gateway sets itself whatever the function says. */
const HOP_BY_HOP = new Set(['connection', 'content-length', 'keep-alive', 'transfer-encoding', 'upgrade']);

function writeResponse(outgoing: ServerResponse, response: ApiResponse, requestId: string): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!HOP_BY_HOP.has(name)) {
      headers[name] = value;
    }
  }
  if (response.cookies.length > 0) {
    headers['set-cookie'] = [...response.cookies];
  }
  headers['apigw-requestid'] = requestId;
  if (response.statusCode !== 204 && response.statusCode !== 304) {
    headers['content-length'] = String(response.body.length);
  }
  outgoing.writeHead(response.statusCode, headers);
  outgoing.end(response.body);
}
