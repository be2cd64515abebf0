/**
 * A bounded map that drops its least recently used entry when full: for per-execution-environment
 * caches of things derived from a key (parsed GraphQL documents by query text). A Map iterates in
 * insertion order, so re-inserting on every hit keeps the least recently used key first.
 *
 * @example
 * const documents = new LruCache<DocumentNode>(200);
 * const document = documents.get(query) ?? documents.set(query, parse(query));
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Keeps `value` under `key` (evicting the least recently used entry when full) and returns it. */
  set(key: string, value: V): V {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }
}
