/**
 * Where a media item's objects live in the media bucket. Every key starts with the tenant's
 * prefix, so a presigned POST pinned to `originalKey` cannot write outside its tenant, and
 * deleting `mediaPrefix` removes the original and every rendition.
 */
export const MEDIA_OBJECT_KEYS = {
  tenantPrefix: (tenantId: string) => `tenants/${tenantId}/`,
  mediaPrefix: (tenantId: string, mediaId: string) => `tenants/${tenantId}/media/${mediaId}/`,
  original: (tenantId: string, mediaId: string) => `tenants/${tenantId}/media/${mediaId}/original`,
  renditionsPrefix: (tenantId: string, mediaId: string) => `tenants/${tenantId}/media/${mediaId}/renditions/`,
  rendition: (tenantId: string, mediaId: string, fileName: string) =>
    `tenants/${tenantId}/media/${mediaId}/renditions/${fileName}`,
} as const;

const ORIGINAL_KEY = /^tenants\/([A-Za-z0-9_-]{1,64})\/media\/([0-9A-HJKMNP-TV-Z]{26})\/original$/;

/**
 * The tenant and media ids of an original's key, or undefined for any other key (a rendition,
 * or an object nobody should have been able to write).
 */
export function parseOriginalKey(key: string): { tenantId: string; mediaId: string } | undefined {
  const match = ORIGINAL_KEY.exec(key);
  if (!match?.[1] || !match[2]) return undefined;
  return { tenantId: match[1], mediaId: match[2] };
}
