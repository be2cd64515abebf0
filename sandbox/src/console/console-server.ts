import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerApi } from './console-api.ts';
import type { ConsoleDataSource } from './console-data-source.ts';
import { renderConsolePage } from './console-page.ts';
import { pageQuery, parseQuery } from './console-query.ts';

export interface ConsoleServerOptions {
  readonly data: ConsoleDataSource;
  /** @default 0 (a free port) */
  readonly port?: number;
}

const ASSETS: Readonly<Record<string, { type: string; body: Buffer }>> = {
  '/console.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('./assets/console.js', import.meta.url)),
  },
  '/console.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('./assets/console.css', import.meta.url)),
  },
};

/** Sent with every answer: no inline script, no framing, nothing sniffed, nothing cached. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * The sandbox console: one HTML page (`/`), its script and style, and the JSON API under
 * `/api/` (see `answerApi`), served on 127.0.0.1 only. Requests whose `Host` is not this
 * loopback address are refused (421), so a web page cannot read the console through DNS
 * rebinding. Read-only: every route is `GET`/`HEAD`.
 *
 * @example
 * ```ts
 * const console = await ConsoleServer.start({ data: sandboxConsoleData });
 * console.log(`console: ${console.url}`);
 * await console.close();
 * ```
 */
export class ConsoleServer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: ConsoleServerOptions): Promise<ConsoleServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      serve(options.data, allowedHosts, request, response).catch((error: unknown) => {
        send(
          response,
          500,
          'application/json',
          JSON.stringify({ error: 'InternalError', message: String(error) }),
        );
      });
    });
    return new ConsoleServer(server, `http://127.0.0.1:${port}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}

async function serve(
  data: ConsoleDataSource,
  allowedHosts: ReadonlySet<string>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!allowedHosts.has(request.headers.host ?? '')) {
    return send(
      response,
      421,
      'text/plain; charset=utf-8',
      'Misdirected request: use the console URL npm start printed.',
    );
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendJson(response, 405, { error: 'MethodNotAllowed', message: 'the console is read-only' });
  }
  const url = new URL(request.url ?? '/', 'http://console');
  if (url.pathname.startsWith('/api/')) {
    const answer = await answerApi(data, url.pathname, url.searchParams);
    return sendJson(response, answer.status, answer.body);
  }
  const asset = ASSETS[url.pathname];
  if (asset) return send(response, 200, asset.type, asset.body);
  if (url.pathname !== '/') return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  const parsed = parseQuery(pageQuery, url.searchParams);
  if (!parsed.ok)
    return send(response, 400, 'text/plain; charset=utf-8', `Bad query: ${parsed.problems.join('; ')}`);
  const query = parsed.value;
  const filter = {
    ...(query.function !== undefined && { function: query.function }),
    ...(query.requestId !== undefined && { requestId: query.requestId }),
    ...(query.correlationId !== undefined && { correlationId: query.correlationId }),
  };
  const [resources, logs, allLogs, events, queues, emails, messages] = await Promise.all([
    data.resources(),
    data.logs({
      limit: query.limit,
      ...(filter.function !== undefined && { functionName: filter.function }),
      ...(filter.requestId !== undefined && { requestId: filter.requestId }),
      ...(filter.correlationId !== undefined && { correlationId: filter.correlationId }),
    }),
    data.logs({ limit: 1000 }),
    data.events(100),
    data.queues(),
    data.emails(),
    query.queue === undefined ? undefined : data.queueMessages(query.queue),
  ]);
  const functionNames = new Set<string>();
  for (const r of resources)
    if (r.type === 'AWS::Lambda::Function' && r.physicalId) functionNames.add(r.physicalId);
  for (const entry of allLogs) functionNames.add(entry.functionName);
  const page = renderConsolePage({
    resources,
    logs,
    logFilter: filter,
    functionNames: [...functionNames].sort(),
    events,
    queues,
    ...(query.queue !== undefined && { openQueue: { url: query.queue, messages } }),
    emails,
  });
  return send(response, 200, 'text/html; charset=utf-8', page);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': String(bytes.length),
  });
  response.end(response.req.method === 'HEAD' ? undefined : bytes);
}
