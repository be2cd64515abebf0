import { LruCache } from '@stratum/runtime';
import { type DocumentNode, type GraphQLError, type GraphQLSchema, parse, validate } from 'graphql';

/** A document the schema accepted, or why it did not. */
export type CheckedDocument =
  | { readonly ok: true; readonly document: DocumentNode }
  | { readonly ok: false; readonly stage: 'parse' | 'validate'; readonly errors: readonly GraphQLError[] };

export interface DocumentCacheOptions {
  /** Distinct documents kept. @default 200 */
  readonly maxEntries?: number;
  /** Longer query texts are checked every time, never kept. @default 16_384 */
  readonly maxQueryLength?: number;
}

/**
 * Parses and validates a query once per execution environment: the gateway sends the same few
 * operation texts to a subgraph over and over, and parsing plus validating them was about a third
 * of a warm subgraph invocation's GraphQL work. Only accepted documents are kept (least recently
 * used first out), so a client cannot fill the cache with invalid queries; the schema is fixed for
 * the cache's life (one cache per schema).
 */
export class DocumentCache {
  private readonly accepted: LruCache<DocumentNode>;
  private readonly maxQueryLength: number;

  constructor(
    readonly schema: GraphQLSchema,
    options: DocumentCacheOptions = {},
  ) {
    this.accepted = new LruCache(options.maxEntries ?? 200);
    this.maxQueryLength = options.maxQueryLength ?? 16_384;
  }

  /** Documents currently kept. */
  get size(): number {
    return this.accepted.size;
  }

  check(query: string): CheckedDocument {
    const kept = this.accepted.get(query);
    if (kept) return { ok: true, document: kept };
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { ok: false, stage: 'parse', errors: [error as GraphQLError] };
    }
    const errors = validate(this.schema, document);
    if (errors.length > 0) return { ok: false, stage: 'validate', errors };
    if (query.length <= this.maxQueryLength) this.accepted.set(query, document);
    return { ok: true, document };
  }
}
