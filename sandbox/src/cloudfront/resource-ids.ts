import { createHash, randomBytes } from 'node:crypto';

const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A CloudFront-shaped id (`E` + 13 upper-case letters and digits, like `E2QWRUHAPOMQZL`) derived
 * from `seed`, so a distribution keeps its id across restarts of the sandbox.
 */
export function stableCloudFrontId(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = 'E';
  for (const byte of digest.subarray(0, 13)) {
    id += UPPER_ALPHANUMERIC[byte % UPPER_ALPHANUMERIC.length];
  }
  return id;
}

/** A policy id shaped like CloudFront's (a UUID), stable for `seed`. */
export function stablePolicyId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `x-amz-cf-id`: 56 URL-safe base64 characters, new for every request. */
export function newRequestId(): string {
  return randomBytes(42).toString('base64url');
}
