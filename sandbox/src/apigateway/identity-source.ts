import type { ApiRequest } from './api-request.ts';
import type { ProxyRequestContext } from './proxy-event.ts';
import { isRecord } from './proxy-result.ts';

/** What an identity-source expression can read. */
export interface IdentityScope {
  readonly request: ApiRequest;
  readonly requestContext: ProxyRequestContext;
  readonly stageVariables: Readonly<Record<string, string>>;
}

/**
 * The value of each identity source (`$request.header.Authorization`,
 * `$request.querystring.token`, `$context.http.sourceIp`, `$stageVariables.name`), in order;
 * `undefined` if any is missing or empty, which API Gateway answers with 401 without calling
 * the authorizer. Header names are case-insensitive, query parameters are not.
 */
export function identityValues(expressions: readonly string[], scope: IdentityScope): string[] | undefined {
  const values: string[] = [];
  for (const expression of expressions) {
    const value = identityValue(expression, scope);
    if (value === undefined || value === '') {
      return undefined;
    }
    values.push(value);
  }
  return values;
}

function identityValue(expression: string, scope: IdentityScope): string | undefined {
  if (expression.startsWith('$request.header.')) {
    return scope.request.headers[expression.slice('$request.header.'.length).toLowerCase()];
  }
  if (expression.startsWith('$request.querystring.')) {
    return scope.request.queryStringParameters[expression.slice('$request.querystring.'.length)];
  }
  if (expression.startsWith('$stageVariables.')) {
    return scope.stageVariables[expression.slice('$stageVariables.'.length)];
  }
  if (expression.startsWith('$context.')) {
    let value: unknown = scope.requestContext;
    for (const key of expression.slice('$context.'.length).split('.')) {
      value = isRecord(value) ? value[key] : undefined;
    }
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
  return undefined;
}
