import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudFrontError, type EdgeRequest, type EdgeResponse } from './edge-message.ts';

export interface DistributionServerOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** Told about failures of the emulator itself (the viewer gets a 502). */
  readonly log?: (line: string) => void;
}

export type EdgeRequestHandler = (request: EdgeRequest) => Promise<EdgeResponse>;

/**
 * One distribution on its own local port (plain HTTP: `ViewerProtocolPolicy` is not applied),
 * the way each distribution has its own `*.cloudfront.net` host. The handler is attached once the
 * port, and so the distribution's domain name, is known; until then requests get 503.
 *
 * @example
 * ```ts
 * const server = await DistributionServer.start({});
 * server.serve((request) => handler.handle(request));
 * await fetch(`${server.url}/index.html`);
 * await server.close();
 * ```
 */
export class DistributionServer {
  private handler: EdgeRequestHandler | undefined;

  private constructor(
    private readonly server: Server,
    /** `127.0.0.1:<port>`. */
    readonly domainName: string,
    private readonly log: (line: string) => void,
  ) {}

  get url(): string {
    return `http://${this.domainName}`;
  }

  static async start(options: DistributionServerOptions): Promise<DistributionServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { address, port } = server.address() as AddressInfo;
    const distribution = new DistributionServer(
      server,
      `${address.includes(':') ? `[${address}]` : address}:${port}`,
      options.log ?? (() => {}),
    );
    server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
      distribution.respond(incoming, outgoing).catch((error: unknown) => {
        outgoing.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    return distribution;
  }

  serve(handler: EdgeRequestHandler): void {
    this.handler = handler;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private async answer(request: EdgeRequest): Promise<EdgeResponse> {
    if (!this.handler)
      return cloudFrontError(503, 'Service Unavailable', 'The distribution is still being deployed.');
    try {
      return await this.handler(request);
    } catch (error) {
      this.log(
        `[${this.domainName}] ${request.method} ${request.uri} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return cloudFrontError(502, 'Bad Gateway', 'The request could not be satisfied.');
    }
  }

  private async respond(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    const target = incoming.url ?? '/';
    const queryAt = target.indexOf('?');
    const request: EdgeRequest = {
      method: incoming.method ?? 'GET',
      uri: queryAt < 0 ? target : target.slice(0, queryAt),
      querystring: queryAt < 0 ? '' : target.slice(queryAt + 1),
      headers: { ...incoming.headersDistinct } as Record<string, string[]>,
      body,
      clientIp: (incoming.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    };
    const response = await this.answer(request);
    const headers: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(response.headers)) {
      if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection')
        headers[name] = values;
    }
    if (response.status !== 204 && response.status !== 304 && request.method !== 'HEAD') {
      headers['content-length'] = [String(response.body.length)];
    }
    outgoing.writeHead(response.status, response.statusDescription || undefined, headers);
    outgoing.end(response.body);
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
