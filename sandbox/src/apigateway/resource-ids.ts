import { createHash } from 'node:crypto';

/**
 * An id shaped like API Gateway's (lower-case letters and digits: 10 for an API, 7 for a route
 * or an integration, 6 for an authorizer), derived from `seed` so that it is the same on every
 * start of the sandbox and URLs printed once keep working.
 */
export function stableResourceId(seed: string, length: number): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (const byte of digest) {
    id += (byte % 36).toString(36);
    if (id.length === length) {
      break;
    }
  }
  return id;
}
