import { describe, expect, it } from 'vitest';
import { correlationIdFrom } from '../src/correlation.ts';

describe('correlationIdFrom', () => {
  it('keeps a well-formed caller id', () => {
    expect(correlationIdFrom({ 'x-correlation-id': 'req-123:abc' })).toBe('req-123:abc');
  });

  it('replaces a missing or malformed id with a UUID', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(correlationIdFrom(undefined)).toMatch(uuid);
    expect(correlationIdFrom({ 'x-correlation-id': 'bad id\n{"level":"ERROR"}' })).toMatch(uuid);
    expect(correlationIdFrom({ 'x-correlation-id': 'a'.repeat(200) })).toMatch(uuid);
  });
});
