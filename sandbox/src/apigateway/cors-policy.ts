import type { CorsConfiguration } from './api-definition.ts';
import type { ApiResponse } from './api-response.ts';

/**
 * An HTTP API's `CorsConfiguration` at work. API Gateway answers preflights itself (an
 * `OPTIONS` with `origin` and `access-control-request-method`), whatever the routes; it adds
 * the configured headers to every response to an allowed origin, and drops the integration's
 * own `access-control-*` headers. A disallowed origin gets no CORS headers at all, so the
 * browser blocks the call.
 */
export class CorsPolicy {
  private readonly origins: readonly RegExp[];

  constructor(readonly configuration: CorsConfiguration) {
    this.origins = configuration.allowOrigins.map(originPattern);
  }

  isPreflight(method: string, headers: Readonly<Record<string, string>>): boolean {
    return method === 'OPTIONS' && !!headers.origin && !!headers['access-control-request-method'];
  }

  /** The answer to a preflight: 204, with the allow headers when the origin is allowed. */
  preflight(origin: string): ApiResponse {
    const headers: Record<string, string> = {};
    const allowed = this.allowedOrigin(origin);
    if (allowed) {
      const { allowMethods, allowHeaders, allowCredentials, maxAge } = this.configuration;
      headers['access-control-allow-origin'] = allowed;
      if (allowMethods.length > 0) {
        headers['access-control-allow-methods'] = allowMethods.join(',');
      }
      if (allowHeaders.length > 0) {
        headers['access-control-allow-headers'] = allowHeaders.join(',');
      }
      if (allowCredentials) {
        headers['access-control-allow-credentials'] = 'true';
      }
      if (maxAge !== undefined) {
        headers['access-control-max-age'] = String(maxAge);
      }
      headers.vary = 'origin';
    }
    return { statusCode: 204, headers, cookies: [], body: Buffer.alloc(0) };
  }

  /** The response with the integration's CORS headers replaced by the configured ones. */
  apply(response: ApiResponse, origin: string | undefined): ApiResponse {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (!name.startsWith('access-control-')) {
        headers[name] = value;
      }
    }
    const allowed = origin ? this.allowedOrigin(origin) : undefined;
    if (allowed) {
      const { exposeHeaders, allowCredentials } = this.configuration;
      headers['access-control-allow-origin'] = allowed;
      if (exposeHeaders.length > 0) {
        headers['access-control-expose-headers'] = exposeHeaders.join(',');
      }
      if (allowCredentials) {
        headers['access-control-allow-credentials'] = 'true';
      }
      headers.vary = headers.vary ? `${headers.vary}, origin` : 'origin';
    }
    return { ...response, headers };
  }

  /** `*` for a wildcard configuration, the origin itself when listed, else `undefined`. */
  private allowedOrigin(origin: string): string | undefined {
    if (this.configuration.allowOrigins.includes('*')) {
      return '*';
    }
    return this.origins.some((pattern) => pattern.test(origin)) ? origin : undefined;
  }
}

/** `https://app.example.com` exactly (case-insensitive), or `https://*.example.com` for subdomains. */
function originPattern(origin: string): RegExp {
  const escaped = origin.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`^${escaped}$`, 'i');
}
