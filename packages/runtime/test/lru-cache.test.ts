import { describe, expect, it } from 'vitest';
import { LruCache } from '../src/lru-cache.ts';

describe('LruCache', () => {
  it('returns what was set and counts entries', () => {
    const cache = new LruCache<number>(3);
    expect(cache.set('a', 1)).toBe(1);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used key, counting reads as use', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces a key without evicting another', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBe(2);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(/maxEntries/);
    expect(() => new LruCache(2.5)).toThrow(/maxEntries/);
  });
});
