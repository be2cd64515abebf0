import { request as httpRequest } from 'node:http';
import type { CustomOriginDefinition } from './distribution-config.ts';
import { cloudFrontError, type EdgeRequest, type EdgeResponse, type HeaderMap } from './edge-message.ts';

/** Headers about one connection, which CloudFront never passes between viewer and origin. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
]);

export interface OriginForwarding {
  /** Whether the viewer's `Host` goes to the origin (AllViewer policies) or the origin's own name. */
  readonly forwardHost: boolean;
  /** `via`, `x-amz-cf-id`, `x-forwarded-for`: what CloudFront adds to every origin request. */
  readonly cloudFrontHeaders: Readonly<Record<string, string>>;
}

/**
 * Proxies a request to a custom origin over HTTP (locally origins are HTTP: `OriginProtocolPolicy`
 * and TLS settings are not applied). Every viewer header, cookie and query parameter is forwarded
 * (see README: cache and origin request policies are not evaluated header by header) plus the
 * origin's custom headers; `Host` is the origin's domain unless the policy forwards the viewer's.
 * An unreachable origin is 502, a slow one (past `OriginReadTimeout`) 504, as CloudFront answers.
 */
export function fetchFromCustomOrigin(
  origin: CustomOriginDefinition,
  request: EdgeRequest,
  forwarding: OriginForwarding,
): Promise<EdgeResponse> {
  const headers: Record<string, string[] | string> = {};
  for (const [name, values] of Object.entries(request.headers)) {
    if (!HOP_BY_HOP.has(name))
      headers[name] = name === 'host' || values.length === 1 ? (values[0] ?? '') : values;
  }
  if (!forwarding.forwardHost) headers.host = origin.domainName;
  Object.assign(headers, forwarding.cloudFrontHeaders, origin.customHeaders);
  if (request.body.length > 0 || !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(request.method)) {
    headers['content-length'] = String(request.body.length);
  }
  const path = `${origin.originPath}${request.uri}${request.querystring === '' ? '' : `?${request.querystring}`}`;
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      {
        host: origin.hostname,
        port: origin.port,
        method: request.method,
        path,
        headers,
        timeout: origin.readTimeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const responseHeaders: HeaderMap = {};
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) {
              responseHeaders[name] = Array.isArray(value) ? value : [value];
            }
          }
          resolve({
            status: incoming.statusCode ?? 502,
            ...(incoming.statusMessage !== undefined && { statusDescription: incoming.statusMessage }),
            headers: responseHeaders,
            body: Buffer.concat(chunks),
          });
        });
        incoming.on('error', () => resolve(badGateway()));
      },
    );
    outgoing.on('timeout', () => {
      outgoing.destroy();
      resolve(
        cloudFrontError(
          504,
          'Gateway Timeout',
          'CloudFront attempted to establish a connection with the origin, but the origin did not respond in time.',
        ),
      );
    });
    outgoing.on('error', () => resolve(badGateway()));
    outgoing.end(request.body);
  });
}

function badGateway(): EdgeResponse {
  return cloudFrontError(502, 'Bad Gateway', 'CloudFront wasn\u2019t able to connect to the origin.');
}
