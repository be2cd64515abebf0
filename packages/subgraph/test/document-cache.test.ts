import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DocumentCache } from '../src/document-cache.ts';

const schema = buildSchema('type Query { hello: String, answer(n: Int!): Int }');

describe('DocumentCache', () => {
  it('parses and validates a query once, then answers with the same document', () => {
    const cache = new DocumentCache(schema);
    const first = cache.check('{ hello }');
    const second = cache.check('{ hello }');
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.document).toBe(first.document);
    expect(cache.size).toBe(1);
  });

  it('reports parse errors and keeps nothing', () => {
    const cache = new DocumentCache(schema);
    const checked = cache.check('{ hello');
    expect(checked).toMatchObject({ ok: false, stage: 'parse' });
    expect(cache.size).toBe(0);
  });

  it('reports validation errors and keeps nothing, so invalid queries cannot fill it', () => {
    const cache = new DocumentCache(schema, { maxEntries: 2 });
    for (let i = 0; i < 10; i++) {
      const checked = cache.check(`{ nope${i} }`);
      expect(checked).toMatchObject({ ok: false, stage: 'validate' });
      if (!checked.ok) expect(checked.errors[0]?.message).toContain(`nope${i}`);
    }
    expect(cache.check('{ answer }')).toMatchObject({ ok: false, stage: 'validate' });
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used document when full', () => {
    const cache = new DocumentCache(schema, { maxEntries: 2 });
    const a = cache.check('{ hello }');
    cache.check('{ answer(n: 1) }');
    cache.check('{ hello }'); // refreshes a
    cache.check('{ answer(n: 2) }'); // evicts answer(n: 1)
    expect(cache.size).toBe(2);
    const again = cache.check('{ hello }');
    if (a.ok && again.ok) expect(again.document).toBe(a.document);
    const before = cache.check('{ answer(n: 1) }'); // parsed anew
    const after = cache.check('{ answer(n: 1) }');
    if (before.ok && after.ok) expect(after.document).toBe(before.document);
  });

  it('checks over-long query texts every time without keeping them', () => {
    const cache = new DocumentCache(schema, { maxQueryLength: 20 });
    const long = `{ hello ${' '.repeat(30)}}`;
    const first = cache.check(long);
    const second = cache.check(long);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.document).not.toBe(first.document);
    expect(cache.size).toBe(0);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new DocumentCache(schema, { maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => new DocumentCache(schema, { maxEntries: 1.5 })).toThrow(/maxEntries/);
  });
});
