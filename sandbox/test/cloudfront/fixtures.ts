import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudFrontEmulator, S3OriginObject } from '../../src/cloudfront/index.ts';
import type { AssetIndex } from '../../src/template/asset-index.ts';
import type { ProvisionContext } from '../../src/template/resource-provider.ts';

export const ACCOUNT = '000000000000';

export function contextOf(type: string): ProvisionContext {
  return {
    type,
    stack: {
      stackName: 'stratum-local-web',
      accountId: ACCOUNT,
      region: 'us-east-1',
      stackId: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/stratum-local-web/0f9a`,
    },
    definition: { Type: type },
    assets: {} as AssetIndex,
  };
}

export async function create(
  emulator: CloudFrontEmulator,
  type: string,
  logicalId: string,
  properties: Record<string, unknown>,
) {
  const provider = emulator.providers[type];
  if (!provider) throw new Error(`no provider for ${type}`);
  return provider.create(logicalId, properties, contextOf(type));
}

/** An in-memory bucket behind the S3 origin. */
export class FakeBuckets {
  readonly reads: string[] = [];
  private readonly objects = new Map<string, S3OriginObject>();

  put(bucket: string, key: string, body: string, contentType = 'text/html'): void {
    this.objects.set(`${bucket}/${key}`, { body: Buffer.from(body), contentType, etag: `"${key.length}"` });
  }

  readonly getObject = async (bucket: string, key: string): Promise<S3OriginObject | undefined> => {
    this.reads.push(`${bucket}/${key}`);
    return this.objects.get(`${bucket}/${key}`);
  };
}

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback HTTP origin that echoes what it received as JSON, or answers `/status/<code>`. */
export async function startEchoOrigin(): Promise<{
  host: string;
  seen: SeenRequest[];
  close: () => Promise<void>;
}> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(entry);
      const status = /\/status\/(\d{3})/.exec(entry.url)?.[1];
      response.writeHead(status ? Number(status) : 200, {
        'content-type': 'application/json',
        'set-cookie': ['a=1; Path=/', 'b=2; HttpOnly'],
        'x-frame-options': 'DENY',
      });
      response.end(JSON.stringify(entry));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
