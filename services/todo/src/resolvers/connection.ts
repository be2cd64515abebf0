import type { Page } from '@stratum/data';

/** A Relay-style connection built from one page of the data layer. */
export interface Connection<T> {
  readonly edges: readonly { readonly node: T; readonly cursor: string | null }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * The data layer pages by page: it returns the cursor after the last item only, so that cursor
 * is set on the last edge and as `endCursor`; other edges carry none.
 */
export function toConnection<T>(page: Page<T>): Connection<T> {
  const last = page.items.length - 1;
  return {
    edges: page.items.map((node, index) => ({ node, cursor: index === last ? page.nextCursor : null })),
    pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
  };
}
