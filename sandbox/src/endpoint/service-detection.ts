import type { IncomingHttpHeaders } from 'node:http';
import { canonicalService, QUERY_ACTIONS, TARGET_PREFIXES } from './service-names.ts';

/** What detection reads of a request before its body. */
export interface RequestHead {
  readonly method: string;
  /** Path and query, as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export type DetectionRule =
  | 'sigv4-authorization'
  | 'presigned-query'
  | 'amz-target'
  | 'query-action'
  | 'cognito-jwks'
  | 's3-default';

export type Detection =
  | { readonly kind: 'service'; readonly service: string; readonly rule: DetectionRule }
  /** Only the form body's `Action=` can tell; the caller reads the body and calls `serviceOfQueryAction`. */
  | { readonly kind: 'needs-body' }
  /** The request names a service, but not one we know; `named` says what it named, for the error. */
  | { readonly kind: 'unknown'; readonly named: string };

/** SigV4 (`AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request`) and SigV4a (no region). */
const CREDENTIAL_IN_AUTHORIZATION = /Credential=([^,\s]+)/;
/** A Cognito user pool id (`<region>_<id>`): S3 bucket names cannot contain `_`, so this is never a bucket. */
const COGNITO_WELL_KNOWN =
  /^\/[a-z0-9-]+_[0-9A-Za-z]+\/\.well-known\/(jwks\.json|openid-configuration)(\?|$)/;

/**
 * Finds the AWS service a request is for, in the order that cannot mislead: the signature's
 * credential scope, a presigned URL's `X-Amz-Credential`, the JSON protocol's `X-Amz-Target`
 * (Cognito's SignUp, ConfirmSignUp and InitiateAuth are unsigned), the query protocol's `Action`
 * (needs the body), and last S3, whose browser requests (presigned POST uploads, CORS pre-flights,
 * public GETs) carry none of these.
 */
export function detectService(head: RequestHead): Detection {
  const authorization = headerValue(head.headers, 'authorization');
  const fromAuthorization =
    authorization && serviceOfCredential(CREDENTIAL_IN_AUTHORIZATION.exec(authorization)?.[1]);
  if (fromAuthorization) return { kind: 'service', service: fromAuthorization, rule: 'sigv4-authorization' };

  const query = queryOf(head.url);
  const fromPresigned = serviceOfCredential(query.get('X-Amz-Credential') ?? undefined);
  if (fromPresigned) return { kind: 'service', service: fromPresigned, rule: 'presigned-query' };

  const target = headerValue(head.headers, 'x-amz-target');
  if (target) {
    const prefix = target.split('.')[0] ?? target;
    const service = TARGET_PREFIXES[prefix];
    return service
      ? { kind: 'service', service, rule: 'amz-target' }
      : { kind: 'unknown', named: `X-Amz-Target ${target}` };
  }

  // A browser's CORS pre-flight names the headers it will send, not their values. The one AWS API
  // browsers call unsigned with X-Amz-Target is Cognito's user-pool API (the web apps' sign-in).
  if (head.method === 'OPTIONS' && requestsTargetHeader(head.headers)) {
    return { kind: 'service', service: 'cognito-idp', rule: 'amz-target' };
  }

  const action = query.get('Action');
  if (action) return serviceOfAction(action);
  if (head.method === 'POST' && isFormBody(head.headers)) return { kind: 'needs-body' };

  if (head.method === 'GET' && COGNITO_WELL_KNOWN.test(head.url)) {
    return { kind: 'service', service: 'cognito-idp', rule: 'cognito-jwks' };
  }
  return { kind: 'service', service: 's3', rule: 's3-default' };
}

function requestsTargetHeader(headers: IncomingHttpHeaders): boolean {
  const requested = headerValue(headers, 'access-control-request-headers') ?? '';
  return requested.split(',').some((name) => name.trim().toLowerCase() === 'x-amz-target');
}

/** The second step for `needs-body`: the `Action` of a form-encoded body, else S3 (a plain form POST). */
export function detectServiceFromForm(body: string): Detection {
  const action = new URLSearchParams(body).get('Action');
  return action ? serviceOfAction(action) : { kind: 'service', service: 's3', rule: 's3-default' };
}

function serviceOfAction(action: string): Detection {
  const service = QUERY_ACTIONS.get(action);
  return service
    ? { kind: 'service', service, rule: 'query-action' }
    : { kind: 'unknown', named: `Action=${action}` };
}

/** `AKID/20250101/us-east-1/sqs/aws4_request` → `sqs`; SigV4a's `AKID/20250101/s3/aws4_request` → `s3`. */
function serviceOfCredential(credential: string | undefined): string | undefined {
  if (!credential) return undefined;
  const parts = credential.split('/');
  if (parts.length < 4 || parts.at(-1) !== 'aws4_request') return undefined;
  const service = parts.at(-2);
  return service ? canonicalService(service) : undefined;
}

export function isFormBody(headers: IncomingHttpHeaders): boolean {
  return (headerValue(headers, 'content-type') ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function queryOf(url: string): URLSearchParams {
  const question = url.indexOf('?');
  return new URLSearchParams(question === -1 ? '' : url.slice(question + 1));
}
