import { describe, expect, it } from 'vitest';
import { DataValidationError, decodeCursor, encodeCursor } from '../src/index.ts';

const expectation = { fixed: { pk: 'T#acme' }, prefixed: { sk: 'TODO#' } };
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursor encoding', () => {
  it('round-trips a key as opaque base64url', () => {
    const key = { pk: 'T#acme', sk: 'TODO#01J0000000000000000000000' };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor ?? '', expectation)).toEqual(key);
  });

  it('encodes no key as null (last page)', () => {
    expect(encodeCursor(undefined)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['an array', encode(['T#acme'])],
    ['another tenant', encode({ pk: 'T#other', sk: 'TODO#1' })],
    ['another item type', encode({ pk: 'T#acme', sk: 'MEMBER#1' })],
    ['an extra key', encode({ pk: 'T#acme', sk: 'TODO#1', gsi1pk: 'x' })],
    ['a missing key', encode({ pk: 'T#acme' })],
    ['a non-string value', encode({ pk: 'T#acme', sk: { S: 'TODO#1' } })],
    ['too long', 'A'.repeat(3000)],
  ])('rejects %s, naming the field', (_label, cursor) => {
    const error = (() => {
      try {
        decodeCursor(cursor, expectation, 'query.cursor');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error).toMatchObject({ field: 'query.cursor' });
  });
});
