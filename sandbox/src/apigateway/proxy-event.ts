import type { ApiRequest } from './api-request.ts';

/** Where the request arrived: the values of `requestContext` that do not depend on the route. */
export interface RequestOrigin {
  readonly accountId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly requestId: string;
  readonly time: string;
  readonly timeEpoch: number;
}

/** `requestContext` of payload format 2.0 (also sent to REQUEST authorizers, without `authorizer`). */
export interface ProxyRequestContext {
  readonly accountId: string;
  readonly apiId: string;
  readonly authorizer?: { readonly lambda: unknown };
  readonly domainName: string;
  readonly domainPrefix: string;
  readonly http: {
    readonly method: string;
    readonly path: string;
    readonly protocol: string;
    readonly sourceIp: string;
    readonly userAgent: string;
  };
  readonly requestId: string;
  readonly routeKey: string;
  readonly stage: string;
  readonly time: string;
  readonly timeEpoch: number;
}

/** What the route selection found: the route key and the path variables. */
export interface MatchedRoute {
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

export function requestContextOf(
  request: ApiRequest,
  origin: RequestOrigin,
  routeKey: string,
  authorizerContext?: unknown,
): ProxyRequestContext {
  return {
    accountId: origin.accountId,
    apiId: origin.apiId,
    ...(authorizerContext !== undefined && { authorizer: { lambda: authorizerContext } }),
    domainName: request.domainName,
    domainPrefix: request.domainName.split('.')[0] ?? request.domainName,
    http: {
      method: request.method,
      path: request.rawPath,
      protocol: request.protocol,
      sourceIp: request.sourceIp,
      userAgent: request.userAgent,
    },
    requestId: origin.requestId,
    routeKey,
    stage: origin.stage,
    time: origin.time,
    timeEpoch: origin.timeEpoch,
  };
}

/** The fields both the integration event and the authorizer event carry; empty ones are left out. */
function requestFields(request: ApiRequest, route: MatchedRoute) {
  return {
    routeKey: route.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(request.cookies.length > 0 && { cookies: [...request.cookies] }),
    headers: { ...request.headers },
    ...(Object.keys(request.queryStringParameters).length > 0 && {
      queryStringParameters: { ...request.queryStringParameters },
    }),
  };
}

function routeFields(route: MatchedRoute) {
  return {
    ...(Object.keys(route.pathParameters).length > 0 && { pathParameters: { ...route.pathParameters } }),
    ...(Object.keys(route.stageVariables).length > 0 && { stageVariables: { ...route.stageVariables } }),
  };
}

/**
 * The Lambda proxy event, payload format 2.0. The body is passed as text only for the content
 * types API Gateway treats as text; anything else — including no `content-type` — is base64.
 */
export function proxyEventOf(
  request: ApiRequest,
  route: MatchedRoute,
  requestContext: ProxyRequestContext,
  body: Buffer,
): Record<string, unknown> {
  const text = isTextContentType(request.headers['content-type']);
  return {
    version: '2.0',
    ...requestFields(request, route),
    requestContext,
    ...(body.length > 0 && { body: text ? body.toString('utf8') : body.toString('base64') }),
    ...routeFields(route),
    isBase64Encoded: body.length > 0 && !text,
  };
}

/** The event of a REQUEST authorizer, payload format 2.0: the request without its body. */
export function authorizerEventOf(
  request: ApiRequest,
  route: MatchedRoute,
  requestContext: ProxyRequestContext,
  routeArn: string,
  identitySource: readonly string[],
): Record<string, unknown> {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn,
    identitySource: [...identitySource],
    ...requestFields(request, route),
    requestContext,
    ...routeFields(route),
  };
}

/** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path>`, as authorizers see it. */
export function routeArnOf(region: string, origin: RequestOrigin, method: string, path: string): string {
  return `arn:aws:execute-api:${region}:${origin.accountId}:${origin.apiId}/${origin.stage}/${method}${path}`;
}

/**
 * HTTP APIs pass a body as text for `text/*`, `application/json`, `application/xml` and
 * `application/javascript` (checked against AWS by other emulators' authors; the documentation
 * does not list them); every other type, and a missing one, arrives base64-encoded.
 */
export function isTextContentType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) {
    return false;
  }
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/xml' ||
    type === 'application/javascript'
  );
}
