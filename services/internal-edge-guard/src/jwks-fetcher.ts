import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';

/** A user pool's JWKS is about 1 KB; anything past this is not a key set. */
const MAX_JWKS_BYTES = 64 * 1024;

/**
 * Downloads key sets for aws-jwt-verify with the runtime's `fetch`: the library's default fetcher
 * refuses `http:`, which the sandbox's user pools serve on loopback (the issuer is checked to be
 * HTTPS or loopback before any fetch; see `SiteConfigSource`).
 */
export class JwksFetcher implements Fetcher {
  constructor(
    private readonly fetchImpl: typeof globalThis.fetch = globalThis.fetch,
    private readonly timeoutMs = 2000,
  ) {}

  async fetch(uri: string): Promise<ArrayBuffer> {
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
