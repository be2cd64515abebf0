import type { IncomingHttpHeaders } from 'node:http';
import { type CorsRule, matchCorsRule } from './cors-rules.ts';
import { S3Refusal } from './errors.ts';

const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';
const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The `Access-Control-*` headers S3 sends for a matched rule. */
function ruleHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : origin,
    'access-control-allow-methods': rule.allowedMethods.join(', '),
    vary: VARY,
  };
  if (!anyOrigin) headers['access-control-allow-credentials'] = 'true';
  if (rule.exposedHeaders.length > 0)
    headers['access-control-expose-headers'] = rule.exposedHeaders.join(', ');
  if (rule.maxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.maxAgeSeconds);
  return headers;
}

/**
 * S3's answer to a preflight `OPTIONS`: the headers of the first matching rule, or the refusal S3
 * sends (400 without `Origin` or `Access-Control-Request-Method`, 403 when CORS is off or no rule
 * matches).
 *
 * @example
 * ```ts
 * preflightHeaders(rules, req.headers, 'OBJECT'); // { 'access-control-allow-origin': 'http://localhost:5173', ... }
 * ```
 */
export function preflightHeaders(
  rules: readonly CorsRule[] | undefined,
  headers: IncomingHttpHeaders,
  resourceType: 'BUCKET' | 'OBJECT',
): Record<string, string> {
  const origin = header(headers, 'origin');
  if (origin === undefined || origin === '') {
    throw new S3Refusal('BadRequest', 'Insufficient information. Origin request header needed.', 400);
  }
  const method = header(headers, 'access-control-request-method');
  if (method === undefined || !['GET', 'PUT', 'HEAD', 'POST', 'DELETE'].includes(method)) {
    throw new S3Refusal('BadRequest', `Invalid Access-Control-Request-Method: ${method ?? 'null'}`, 400);
  }
  if (rules === undefined || rules.length === 0) {
    throw new S3Refusal('AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.', 403, {
      Method: method,
      ResourceType: resourceType,
    });
  }
  const requestHeaders = (header(headers, 'access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const rule = matchCorsRule(rules, { origin, method, requestHeaders });
  if (rule === undefined) {
    throw new S3Refusal('AccessForbidden', NOT_ALLOWED, 403, { Method: method, ResourceType: resourceType });
  }
  const answer = ruleHeaders(rule, origin);
  if (requestHeaders.length > 0) answer['access-control-allow-headers'] = requestHeaders.join(', ');
  return answer;
}

/** Headers S3 adds to an actual (non-preflight) request with an `Origin` that a rule allows; else none. */
export function actualRequestHeaders(
  rules: readonly CorsRule[] | undefined,
  headers: IncomingHttpHeaders,
  method: string,
): Record<string, string> {
  const origin = header(headers, 'origin');
  if (origin === undefined || origin === '' || rules === undefined) return {};
  const rule = matchCorsRule(rules, { origin, method, requestHeaders: [] });
  return rule === undefined ? {} : ruleHeaders(rule, origin);
}
