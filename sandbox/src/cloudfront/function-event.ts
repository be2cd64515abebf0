import type { EdgeRequest, EdgeResponse, HeaderMap } from './edge-message.ts';

/*
 * The event of CloudFront Functions (`event.version` 1.0): header, query and cookie values as
 * `{ value, multiValue? }` objects; cookies are taken out of the headers (`request.cookies`,
 * `response.cookies` from `Set-Cookie`); query values are left percent-encoded, as received.
 */

interface FieldValue {
  value: string;
  multiValue?: { value: string }[];
  attributes?: string;
}
type FieldMap = Record<string, FieldValue>;

export interface FunctionEventContext {
  readonly distributionDomainName: string;
  readonly distributionId: string;
  readonly eventType: 'viewer-request' | 'viewer-response';
  readonly requestId: string;
}

function toFields(values: Iterable<[string, string]>): FieldMap {
  const fields: FieldMap = {};
  for (const [name, value] of values) {
    const existing = fields[name];
    if (existing) {
      existing.multiValue ??= [{ value: existing.value }];
      existing.multiValue.push({ value });
    } else {
      fields[name] = { value };
    }
  }
  return fields;
}

function fieldValues(field: unknown): string[] {
  if (typeof field !== 'object' || field === null) return [];
  const { value, multiValue } = field as { value?: unknown; multiValue?: unknown };
  if (Array.isArray(multiValue) && multiValue.length > 0) {
    return multiValue.map((item: { value?: unknown }) => String(item?.value ?? ''));
  }
  return value === undefined ? [] : [String(value)];
}

function headerEntries(headers: HeaderMap, skip: string): [string, string][] {
  return Object.entries(headers).flatMap(([name, values]) =>
    name === skip ? [] : values.map((v): [string, string] => [name, v]),
  );
}

function cookiePairs(header: readonly string[]): [string, string][] {
  return header.flatMap((line) =>
    line
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part): [string, string] => {
        const eq = part.indexOf('=');
        return eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
      }),
  );
}

function queryPairs(querystring: string): [string, string][] {
  if (querystring === '') return [];
  return querystring.split('&').map((part): [string, string] => {
    const eq = part.indexOf('=');
    return eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
  });
}

function setCookieFields(lines: readonly string[]): FieldMap {
  const cookies: FieldMap = {};
  for (const line of lines) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const field: FieldValue = {
      value: eq < 0 ? '' : pair.slice(eq + 1).trim(),
      ...(attributes.length > 0 && { attributes: attributes.join(';').trim() }),
    };
    const existing = cookies[name];
    if (existing) {
      existing.multiValue ??= [{ ...existing }];
      existing.multiValue.push(field);
    } else {
      cookies[name] = field;
    }
  }
  return cookies;
}

function requestShape(request: EdgeRequest) {
  return {
    method: request.method,
    uri: request.uri,
    querystring: toFields(queryPairs(request.querystring)),
    headers: toFields(headerEntries(request.headers, 'cookie')),
    cookies: toFields(cookiePairs(request.headers.cookie ?? [])),
  };
}

export function functionEvent(context: FunctionEventContext, request: EdgeRequest, response?: EdgeResponse) {
  return {
    version: '1.0',
    context,
    viewer: { ip: request.clientIp },
    request: requestShape(request),
    ...(response && {
      response: {
        statusCode: response.status,
        statusDescription: response.statusDescription ?? '',
        headers: toFields(headerEntries(response.headers, 'set-cookie')),
        cookies: setCookieFields(response.headers['set-cookie'] ?? []),
      },
    }),
  };
}

function toHeaderMap(fields: unknown): HeaderMap {
  const headers: HeaderMap = {};
  if (typeof fields !== 'object' || fields === null) return headers;
  for (const [name, field] of Object.entries(fields)) headers[name.toLowerCase()] = fieldValues(field);
  return headers;
}

/** The request a viewer-request function returned, merged back (the method cannot change). */
export function requestFromFunction(original: EdgeRequest, returned: Record<string, unknown>): EdgeRequest {
  const headers = toHeaderMap(returned.headers);
  delete headers.cookie;
  const cookies = Object.entries((returned.cookies as object | undefined) ?? {}).flatMap(([name, field]) =>
    fieldValues(field).map((value) => `${name}=${value}`),
  );
  if (cookies.length > 0) headers.cookie = [cookies.join('; ')];
  const query = Object.entries((returned.querystring as object | undefined) ?? {}).flatMap(([name, field]) =>
    fieldValues(field).map((value) => (value === '' ? name : `${name}=${value}`)),
  );
  const uri = typeof returned.uri === 'string' ? returned.uri : original.uri;
  return { ...original, uri, querystring: query.join('&'), headers };
}

/** A response returned by a function (generated in viewer-request, or changed in viewer-response). */
export function responseFromFunction(returned: Record<string, unknown>, body: Buffer): EdgeResponse {
  const headers = toHeaderMap(returned.headers);
  delete headers['set-cookie'];
  const setCookies = Object.entries((returned.cookies as object | undefined) ?? {}).flatMap(
    ([name, field]) => {
      const { multiValue } = (field ?? {}) as { multiValue?: unknown };
      const items: { value?: unknown; attributes?: unknown }[] = Array.isArray(multiValue)
        ? multiValue
        : [field];
      return items.map(
        (item) =>
          `${name}=${String(item?.value ?? '')}${item?.attributes ? `; ${String(item.attributes)}` : ''}`,
      );
    },
  );
  if (setCookies.length > 0) headers['set-cookie'] = setCookies;
  return {
    status: Number(returned.statusCode),
    ...(typeof returned.statusDescription === 'string' && { statusDescription: returned.statusDescription }),
    headers,
    body,
  };
}

/** The body of a response a viewer-request function generated: a string, or `{ data, encoding }`. */
export function generatedBody(body: unknown): Buffer {
  if (typeof body === 'string') return Buffer.from(body);
  if (typeof body === 'object' && body !== null) {
    const { data, encoding } = body as { data?: unknown; encoding?: unknown };
    return Buffer.from(String(data ?? ''), encoding === 'base64' ? 'base64' : 'utf8');
  }
  return Buffer.alloc(0);
}
