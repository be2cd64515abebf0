import { createHash } from 'node:crypto';

/** Fixed namespace of Stratum tenant ids (a random UUID, chosen once; never change it). */
const TENANT_NAMESPACE = Buffer.from('6c1f3f0e9a2b4d5e8f7a1b2c3d4e5f60', 'hex');

/**
 * The id of the tenant a user founds: a name-based UUID (version 5, RFC 9562 §5.5) of the
 * pool and the user's `sub`. Deterministic, so that a retried trigger running concurrently
 * with the first attempt targets the same tenant and the store's conditional create refuses
 * the second one, instead of leaving the user with two tenants.
 */
export function foundingTenantId(userPoolId: string, userId: string): string {
  const hash = createHash('sha1').update(TENANT_NAMESPACE).update(`${userPoolId}/${userId}`).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
