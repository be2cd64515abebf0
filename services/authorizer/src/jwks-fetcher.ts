import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';

/** A JWKS of a user pool is ~1 KB; anything past this is not a key set. */
const MAX_JWKS_BYTES = 64 * 1024;

export interface JwksFetcherOptions {
  /** Whole-request time-out in milliseconds. @default 3000 */
  readonly timeoutMs?: number;
  /** @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Downloads JWKS documents for aws-jwt-verify with the runtime's `fetch`.
 *
 * The library's default fetcher is built on `node:https` and refuses `http:` URLs, but the
 * offline sandbox serves its user pools' keys on http://127.0.0.1 (the environment schema
 * allows plain HTTP on loopback only). Network failures are retried once, like the default
 * fetcher; HTTP errors are not.
 */
export class JwksFetcher implements Fetcher {
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof globalThis.fetch;

  constructor(options: JwksFetcherOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  async fetch(uri: string): Promise<ArrayBuffer> {
    try {
      return await this.fetchOnce(uri);
    } catch (error) {
      if (error instanceof NonRetryableFetchError) throw error;
      return this.fetchOnce(uri);
    }
  }

  private async fetchOnce(uri: string): Promise<ArrayBuffer> {
    let response: Response;
    try {
      response = await this.fetchImpl(uri, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new FetchError(uri, error instanceof Error ? error.message : String(error));
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    }
    const body = await response.arrayBuffer();
    if (body.byteLength > MAX_JWKS_BYTES) {
      throw new NonRetryableFetchError(uri, `Response of ${body.byteLength} bytes exceeds ${MAX_JWKS_BYTES}`);
    }
    return body;
  }
}
