import { describe, expect, it } from 'vitest';
import { bearerTokenFrom } from '../src/bearer-token.ts';

describe('bearerTokenFrom', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   abc.def.ghi  ', 'abc.def.ghi'],
    ['BEARER abc.def.ghi', 'abc.def.ghi'],
    ['abc.def.ghi', 'abc.def.ghi'],
  ])('reads %j', (header, token) => {
    expect(bearerTokenFrom(header)).toEqual({ kind: 'token', token });
  });

  it.each([undefined, '', '   ', 'Bearer', 'Bearer    '])('reports %j as missing', (header) => {
    expect(bearerTokenFrom(header)).toEqual({ kind: 'missing' });
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer a.b.c extra', `Bearer ${'x'.repeat(16 * 1024 + 1)}`])(
    'reports %j as malformed',
    (header) => {
      expect(bearerTokenFrom(header)).toEqual({ kind: 'malformed' });
    },
  );
});
