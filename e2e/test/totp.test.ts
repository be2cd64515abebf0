import { describe, expect, it } from 'vitest';
import { decodeBase32, totp, totpFromKey } from '../src/totp.ts';

// RFC 6238 appendix B, SHA-1 rows: the key is the ASCII string "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: ReadonlyArray<readonly [seconds: number, code: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('totp', () => {
  it.each(RFC_VECTORS)('matches RFC 6238 at T = %i s', (seconds, code) => {
    expect(totpFromKey(RFC_KEY, { at: seconds * 1000, digits: 8 })).toBe(code);
  });

  it('gives six digits by default, the last six of the eight-digit code', () => {
    expect(totpFromKey(RFC_KEY, { at: 59_000 })).toBe('287082');
  });

  it('stays the same within a 30-second period and changes at its end', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of the RFC key
    expect(totp(secret, { at: 30_000 })).toBe(totp(secret, { at: 59_999 }));
    expect(totp(secret, { at: 59_999 })).not.toBe(totp(secret, { at: 60_000 }));
    expect(totp(secret, { at: 59_000 })).toBe('287082');
  });
});

describe('decodeBase32', () => {
  it('decodes RFC 4648 test vectors, ignoring padding, spaces and case', () => {
    expect(decodeBase32('MZXW6YTBOI======').toString()).toBe('foobar');
    expect(decodeBase32('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(decodeBase32('MZXW6YQ=').toString()).toBe('foob');
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => decodeBase32('MZXW1')).toThrow('"1" is not a base32 character');
  });
});
