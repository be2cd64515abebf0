import type { IncomingMessage } from 'node:http';

/** An incoming request, reduced to what API Gateway passes on (payload format 2.0 rules). */
export interface ApiRequest {
  readonly method: string;
  /** The path as the client sent it, still percent-encoded. */
  readonly rawPath: string;
  /** Everything after `?`, as sent (`''` without one). */
  readonly rawQueryString: string;
  /** Lower-cased names; repeated headers joined with commas; no `cookie` (see `cookies`). */
  readonly headers: Readonly<Record<string, string>>;
  /** Every `cookie` header, split on `;`. */
  readonly cookies: readonly string[];
  /** Decoded; repeated parameters joined with commas. */
  readonly queryStringParameters: Readonly<Record<string, string>>;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly protocol: string;
  /** The host the client called, without its port (becomes `requestContext.domainName`). */
  readonly domainName: string;
}

/**
 * Reads the parts of a Node request that API Gateway forwards. Headers come from `rawHeaders`,
 * not `headers`: Node drops repeated values of some headers, API Gateway joins them all.
 */
export function readApiRequest(request: IncomingMessage): ApiRequest {
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : url.slice(queryStart + 1);

  const joined = new Map<string, string[]>();
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = (request.rawHeaders[index] ?? '').toLowerCase();
    const values = joined.get(name) ?? [];
    values.push(request.rawHeaders[index + 1] ?? '');
    joined.set(name, values);
  }
  const cookies = (joined.get('cookie') ?? [])
    .flatMap((header) => header.split(';'))
    .map((cookie) => cookie.trim())
    .filter((cookie) => cookie !== '');
  joined.delete('cookie');

  const sourceIp = normalizeIp(request.socket.remoteAddress ?? '127.0.0.1');
  const protocol = `HTTP/${request.httpVersion}`;
  const host = joined.get('host')?.[0] ?? '';
  const headers: Record<string, string> = {};
  for (const [name, values] of joined) {
    headers[name] = values.join(',');
  }
  // API Gateway adds these on its way to the integration.
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${sourceIp}`
    : sourceIp;
  headers['x-forwarded-port'] = String(request.socket.localPort ?? '');
  headers['x-forwarded-proto'] = 'http';

  return {
    method: (request.method ?? 'GET').toUpperCase(),
    rawPath,
    rawQueryString,
    headers,
    cookies,
    queryStringParameters: parseQueryString(rawQueryString),
    sourceIp,
    userAgent: headers['user-agent'] ?? '',
    protocol,
    domainName: hostnameOf(host),
  };
}

export function parseQueryString(rawQueryString: string): Record<string, string> {
  const parameters = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const values = parameters.get(name) ?? [];
    values.push(value);
    parameters.set(name, values);
  }
  return Object.fromEntries([...parameters].map(([name, values]) => [name, values.join(',')]));
}

/** The path split into segments, each percent-decoded (a malformed escape is kept as sent). */
export function pathSegments(path: string): string[] {
  if (path === '/' || path === '') {
    return [];
  }
  return path
    .slice(1)
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function hostnameOf(host: string): string {
  if (host.startsWith('[')) {
    return host.slice(0, host.indexOf(']') + 1);
  }
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

function normalizeIp(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
