import type { EdgeRequest, EdgeResponse, HeaderMap } from './edge-message.ts';
import { EdgeFunctionError } from './errors.ts';

/**
 * How the emulator reaches Lambda for Lambda@Edge. Same shape as the API Gateway emulator's
 * `FunctionInvoker`, so the sandbox passes its Lambda runner to both.
 */
export interface EdgeFunctionInvoker {
  /** @returns the handler's result (parsed JSON), or with `functionError` the Lambda error object. */
  invoke(
    functionName: string,
    event: unknown,
  ): Promise<{ readonly payload: unknown; readonly functionError?: 'Unhandled' }>;
}

export type LambdaEdgeEventType = 'viewer-request' | 'origin-request' | 'origin-response' | 'viewer-response';

export interface LambdaEdgeConfig {
  readonly distributionDomainName: string;
  readonly distributionId: string;
  readonly requestId: string;
}

type EdgeHeaders = Record<string, { key: string; value: string }[]>;

function toEdgeHeaders(headers: HeaderMap): EdgeHeaders {
  return Object.fromEntries(
    Object.entries(headers).map(([name, values]) => [
      name,
      values.map((value) => ({ key: canonicalCase(name), value })),
    ]),
  );
}

function fromEdgeHeaders(headers: unknown): HeaderMap {
  const map: HeaderMap = {};
  if (typeof headers !== 'object' || headers === null) return map;
  for (const [name, entries] of Object.entries(headers)) {
    if (Array.isArray(entries))
      map[name.toLowerCase()] = entries.map((entry: { value?: unknown }) => String(entry?.value ?? ''));
  }
  return map;
}

/** `content-type` → `Content-Type`, the `key` Lambda@Edge shows next to the lower-case name. */
function canonicalCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** The function's name in a Lambda@Edge association's version ARN (`...:function:name:3`). */
export function edgeFunctionName(arn: string): string {
  const match = /:function:([^:]+)/.exec(arn);
  return match?.[1] ?? arn;
}

export type LambdaEdgeOutcome =
  | { readonly kind: 'request'; readonly request: EdgeRequest }
  | { readonly kind: 'response'; readonly response: EdgeResponse };

/**
 * One Lambda@Edge association: builds the `Records[0].cf` event, invokes the function and reads
 * back a request (request events) or a response (any event; `status` marks a response). The
 * body is in the event only with `IncludeBody` (base64, read-only here: a returned body replaces
 * the request body only if `action` is `replace`). Versions in the ARN are ignored: the
 * function's current code runs.
 */
export class LambdaEdgeFunction {
  constructor(
    readonly functionArn: string,
    private readonly includeBody: boolean,
    private readonly invoker: EdgeFunctionInvoker,
  ) {}

  async invoke(
    eventType: LambdaEdgeEventType,
    config: LambdaEdgeConfig,
    request: EdgeRequest,
    response?: EdgeResponse,
    origin?: unknown,
  ): Promise<LambdaEdgeOutcome> {
    const name = edgeFunctionName(this.functionArn);
    const cfRequest = {
      clientIp: request.clientIp,
      headers: toEdgeHeaders(request.headers),
      method: request.method,
      querystring: request.querystring,
      uri: request.uri,
      ...(this.includeBody &&
        eventType.endsWith('-request') && {
          body: {
            inputTruncated: false,
            action: 'read-only',
            encoding: 'base64',
            data: request.body.toString('base64'),
          },
        }),
      ...(origin !== undefined && { origin }),
    };
    const event = {
      Records: [
        {
          cf: {
            config: { ...config, eventType },
            request: cfRequest,
            ...(response && {
              response: {
                status: String(response.status),
                statusDescription: response.statusDescription ?? '',
                headers: toEdgeHeaders(response.headers),
              },
            }),
          },
        },
      ],
    };
    let result: Awaited<ReturnType<EdgeFunctionInvoker['invoke']>>;
    try {
      result = await this.invoker.invoke(name, event);
    } catch (error) {
      throw new EdgeFunctionError(name, eventType, `could not be invoked: ${String(error)}`, {
        cause: error,
      });
    }
    if (result.functionError) {
      throw new EdgeFunctionError(name, eventType, `failed: ${JSON.stringify(result.payload)}`);
    }
    const payload = result.payload;
    if (typeof payload !== 'object' || payload === null) {
      throw new EdgeFunctionError(name, eventType, 'returned neither a request nor a response');
    }
    const returned = payload as Record<string, unknown>;
    if ('status' in returned)
      return { kind: 'response', response: toResponse(name, eventType, returned, response) };
    if (eventType.endsWith('-response')) {
      throw new EdgeFunctionError(name, eventType, 'a response trigger must return a response (with status)');
    }
    return { kind: 'request', request: toRequest(request, returned) };
  }
}

function toRequest(original: EdgeRequest, returned: Record<string, unknown>): EdgeRequest {
  const body = returned.body as { action?: unknown; data?: unknown; encoding?: unknown } | undefined;
  const replaced =
    body?.action === 'replace'
      ? Buffer.from(String(body.data ?? ''), body.encoding === 'base64' ? 'base64' : 'utf8')
      : original.body;
  return {
    ...original,
    uri: typeof returned.uri === 'string' ? returned.uri : original.uri,
    querystring: typeof returned.querystring === 'string' ? returned.querystring : original.querystring,
    headers: returned.headers === undefined ? original.headers : fromEdgeHeaders(returned.headers),
    body: replaced,
  };
}

function toResponse(
  name: string,
  eventType: string,
  returned: Record<string, unknown>,
  original: EdgeResponse | undefined,
): EdgeResponse {
  const status = Number(returned.status);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new EdgeFunctionError(name, eventType, `returned an invalid status (${String(returned.status)})`);
  }
  // A response trigger that leaves `body` out keeps the origin's body; a generated response has none.
  const body =
    returned.body === undefined
      ? (original?.body ?? Buffer.alloc(0))
      : Buffer.from(String(returned.body), returned.bodyEncoding === 'base64' ? 'base64' : 'utf8');
  return {
    status,
    ...(typeof returned.statusDescription === 'string' && { statusDescription: returned.statusDescription }),
    headers: returned.headers === undefined ? (original?.headers ?? {}) : fromEdgeHeaders(returned.headers),
    body,
  };
}
