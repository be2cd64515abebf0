import { z } from 'zod';
import { cfnBoolean, cfnInteger, itemsOf } from './cfn-properties.ts';
import { type EdgeRequest, type EdgeResponse, type HeaderMap, headerValue } from './edge-message.ts';

const override = { Override: cfnBoolean };

/** `ResponseHeadersPolicyConfig` of `AWS::CloudFront::ResponseHeadersPolicy`. */
export const responseHeadersPolicyConfig = z
  .object({
    Name: z.string().min(1),
    Comment: z.string().optional(),
    CorsConfig: z
      .object({
        AccessControlAllowCredentials: cfnBoolean,
        AccessControlAllowHeaders: itemsOf(z.string()),
        AccessControlAllowMethods: itemsOf(z.string()),
        AccessControlAllowOrigins: itemsOf(z.string()),
        AccessControlExposeHeaders: itemsOf(z.string()).optional(),
        AccessControlMaxAgeSec: cfnInteger.optional(),
        OriginOverride: cfnBoolean,
      })
      .optional(),
    CustomHeadersConfig: itemsOf(
      z.object({ Header: z.string().min(1), Value: z.string(), ...override }),
    ).optional(),
    RemoveHeadersConfig: itemsOf(z.object({ Header: z.string().min(1) })).optional(),
    SecurityHeadersConfig: z
      .object({
        ContentSecurityPolicy: z.object({ ContentSecurityPolicy: z.string(), ...override }).optional(),
        ContentTypeOptions: z.object(override).optional(),
        FrameOptions: z.object({ FrameOption: z.enum(['DENY', 'SAMEORIGIN']), ...override }).optional(),
        ReferrerPolicy: z.object({ ReferrerPolicy: z.string(), ...override }).optional(),
        StrictTransportSecurity: z
          .object({
            AccessControlMaxAgeSec: cfnInteger,
            IncludeSubdomains: cfnBoolean.optional(),
            Preload: cfnBoolean.optional(),
            ...override,
          })
          .optional(),
        XSSProtection: z
          .object({
            Protection: cfnBoolean,
            ModeBlock: cfnBoolean.optional(),
            ReportUri: z.string().optional(),
            ...override,
          })
          .optional(),
      })
      .optional(),
    ServerTimingHeadersConfig: z.unknown().optional(),
  })
  .loose();

export type ResponseHeadersPolicyConfig = z.input<typeof responseHeadersPolicyConfig>;
export type ResponseHeadersPolicy = z.output<typeof responseHeadersPolicyConfig>;

const ALL_METHODS = 'GET, DELETE, HEAD, OPTIONS, PATCH, POST, PUT';

/**
 * Adds and removes the response headers a policy names, the way CloudFront does before the
 * response reaches the viewer: a header with `Override: false` is added only when the origin's
 * response lacks it; CORS headers are added only to requests that carry `Origin` and only when
 * the origin allowed (or `OriginOverride` is set); a preflight (`OPTIONS` with
 * `Access-Control-Request-Method`) also gets the allowed methods, headers and max age.
 * `ServerTimingHeadersConfig` is accepted and ignored (no edge timings locally).
 */
export function applyResponseHeadersPolicy(
  policy: ResponseHeadersPolicy,
  request: EdgeRequest,
  response: EdgeResponse,
): EdgeResponse {
  const headers: HeaderMap = { ...response.headers };
  const set = (name: string, value: string, overrides: boolean) => {
    const key = name.toLowerCase();
    if (overrides || headers[key] === undefined) headers[key] = [value];
  };
  const security = policy.SecurityHeadersConfig;
  if (security?.ContentSecurityPolicy) {
    const csp = security.ContentSecurityPolicy;
    set('content-security-policy', csp.ContentSecurityPolicy, csp.Override);
  }
  if (security?.ContentTypeOptions)
    set('x-content-type-options', 'nosniff', security.ContentTypeOptions.Override);
  if (security?.FrameOptions)
    set('x-frame-options', security.FrameOptions.FrameOption, security.FrameOptions.Override);
  if (security?.ReferrerPolicy) {
    set('referrer-policy', security.ReferrerPolicy.ReferrerPolicy, security.ReferrerPolicy.Override);
  }
  if (security?.StrictTransportSecurity) {
    const hsts = security.StrictTransportSecurity;
    const value = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; ');
    set('strict-transport-security', value, hsts.Override);
  }
  if (security?.XSSProtection) {
    const xss = security.XSSProtection;
    const value = xss.Protection
      ? [
          '1',
          ...(xss.ModeBlock ? ['mode=block'] : []),
          ...(xss.ReportUri ? [`report=${xss.ReportUri}`] : []),
        ].join('; ')
      : '0';
    set('x-xss-protection', value, xss.Override);
  }
  for (const item of policy.CustomHeadersConfig?.Items ?? []) set(item.Header, item.Value, item.Override);
  if (policy.CorsConfig) applyCors(policy.CorsConfig, request, headers);
  for (const item of policy.RemoveHeadersConfig?.Items ?? []) delete headers[item.Header.toLowerCase()];
  return { ...response, headers };
}

function applyCors(
  cors: NonNullable<ResponseHeadersPolicy['CorsConfig']>,
  request: EdgeRequest,
  headers: HeaderMap,
): void {
  const origin = headerValue(request.headers, 'origin');
  if (origin === undefined) return;
  if (!cors.OriginOverride && headers['access-control-allow-origin'] !== undefined) return;
  const allowed = cors.AccessControlAllowOrigins.Items;
  const anyOrigin = allowed.includes('*');
  if (!anyOrigin && !allowed.some((pattern) => originMatches(pattern, origin))) return;
  const echo = !anyOrigin || cors.AccessControlAllowCredentials;
  headers['access-control-allow-origin'] = [echo ? origin : '*'];
  if (echo) headers.vary = [[...(headers.vary ?? []), 'Origin'].join(', ')];
  if (cors.AccessControlAllowCredentials) headers['access-control-allow-credentials'] = ['true'];
  const preflight =
    request.method === 'OPTIONS' && headerValue(request.headers, 'access-control-request-method');
  if (preflight) {
    const methods = cors.AccessControlAllowMethods.Items;
    headers['access-control-allow-methods'] = [methods.includes('ALL') ? ALL_METHODS : methods.join(', ')];
    headers['access-control-allow-headers'] = [cors.AccessControlAllowHeaders.Items.join(', ')];
    if (cors.AccessControlMaxAgeSec !== undefined) {
      headers['access-control-max-age'] = [String(cors.AccessControlMaxAgeSec)];
    }
  } else if ((cors.AccessControlExposeHeaders?.Items.length ?? 0) > 0) {
    headers['access-control-expose-headers'] = [cors.AccessControlExposeHeaders?.Items.join(', ') ?? ''];
  }
}

/** An allowed origin may hold one `*` for a sub-domain label (`https://*.example.com`). */
function originMatches(pattern: string, origin: string): boolean {
  if (!pattern.includes('*')) return pattern === origin;
  const [head = '', tail = ''] = pattern.split('*', 2);
  return origin.startsWith(head) && origin.endsWith(tail) && origin.length > head.length + tail.length;
}
