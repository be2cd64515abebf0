import * as z from 'zod';
import { SiteConfigUnavailableError } from './errors.ts';

/** The part of the app's `/config.json` (see infra/src/app/web-app-config.ts) the guard needs. */
const siteConfigSchema = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  userPoolId: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/),
  userPoolClientId: z.string().min(1),
  cognitoEndpoint: z.url().optional(),
});

/** Which tokens the guard accepts: those of this pool and app client. */
export interface StaffPool {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly clientId: string;
}

/** Loopback hosts are the sandbox's; only there is plain HTTP acceptable. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * The pool's issuer: Cognito's `https://cognito-idp.<region>.amazonaws.com/<poolId>`, or, when the
 * config names another Cognito endpoint (the sandbox's), `<endpoint>/<poolId>`: Cognito issues
 * tokens under the same host its API answers on.
 */
export function staffPoolOf(config: z.output<typeof siteConfigSchema>): StaffPool {
  const endpoint = (config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`).replace(
    /\/+$/,
    '',
  );
  const issuer = `${endpoint}/${config.userPoolId}`;
  return { issuer, jwksUri: `${issuer}/.well-known/jwks.json`, clientId: config.userPoolClientId };
}

export interface SiteConfigSourceOptions {
  /** How long a loaded config is reused. @default 5 minutes */
  readonly ttlMs?: number;
  /** @default 2000 */
  readonly timeoutMs?: number;
  /** @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Reads the staff pool from the app's own `/config.json`, through the distribution the request
 * came to. Lambda@Edge functions have no environment variables, and the pool id is known only at
 * deploy time; `config.json` is generated then (a `BucketDeployment` with deploy-time values) and
 * is public anyway (the sign-in shell needs it), so it is the one source of the pool's identity.
 * Kept per distribution for `ttlMs` in the warm container.
 */
export class SiteConfigSource {
  private readonly cache = new Map<string, { pool: StaffPool; until: number }>();
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly now: () => number;

  constructor(options: SiteConfigSourceOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
  }

  /** @param distributionDomain `d123.cloudfront.net` (or the sandbox's `127.0.0.1:<port>`). */
  async staffPool(distributionDomain: string): Promise<StaffPool> {
    const cached = this.cache.get(distributionDomain);
    if (cached && cached.until > this.now()) return cached.pool;
    const scheme = isLoopback(distributionDomain) ? 'http' : 'https';
    const url = `${scheme}://${distributionDomain}/config.json`;
    const pool = staffPoolOf(await this.load(url));
    const issuerHost = new URL(pool.issuer);
    if (issuerHost.protocol !== 'https:' && !isLoopback(issuerHost.host)) {
      throw new SiteConfigUnavailableError(url, `the issuer ${pool.issuer} is neither HTTPS nor loopback`);
    }
    this.cache.set(distributionDomain, { pool, until: this.now() + this.ttlMs });
    return pool;
  }

  private async load(url: string): Promise<z.output<typeof siteConfigSchema>> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new SiteConfigUnavailableError(url, error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new SiteConfigUnavailableError(url, `status ${response.status}`);
    }
    const parsed = siteConfigSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new SiteConfigUnavailableError(url, z.prettifyError(parsed.error).replaceAll('\n', '; '));
    }
    return parsed.data;
  }
}
