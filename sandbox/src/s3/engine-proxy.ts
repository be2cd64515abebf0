import { type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from 'node:http';

/** The engine's answer, as relayed to the client. `body` is kept only when asked for. */
export interface RelayedResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body?: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/**
 * Streams a request to the S3 engine in path style and its answer back, adding `extraHeaders`
 * (CORS) to the response. Bodies are never buffered, except a response the caller must read
 * (DeleteObjects' result, at most 1,000 keys).
 */
export function relayToEngine(
  req: IncomingMessage,
  res: ServerResponse,
  engine: URL,
  pathStyleUrl: string,
  extraHeaders: Readonly<Record<string, string>>,
  keepBody: boolean,
): Promise<RelayedResponse> {
  return new Promise((resolve, reject) => {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers.host = engine.host;
    const upstream = request(
      { host: engine.hostname, port: engine.port, method: req.method, path: pathStyleUrl, headers },
      (answer) => {
        const status = answer.statusCode ?? 502;
        const relayed: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name)) relayed[name] = value;
        }
        res.writeHead(status, { ...relayed, ...extraHeaders });
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => {
          if (keepBody) chunks.push(chunk);
          res.write(chunk);
        });
        answer.on('end', () => {
          res.end();
          resolve({ status, headers: answer.headers, ...(keepBody ? { body: Buffer.concat(chunks) } : {}) });
        });
        answer.on('error', reject);
      },
    );
    upstream.on('error', reject);
    req.pipe(upstream);
  });
}
