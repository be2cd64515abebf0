import { createHmac } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (the encoding of authenticator secrets); padding and spaces are ignored. */
export function decodeBase32(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index === -1) throw new Error(`"${char}" is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export interface TotpOptions {
  /** @default Date.now() */
  readonly at?: number;
  /** @default 30 */
  readonly periodSeconds?: number;
  /** @default 6 */
  readonly digits?: number;
}

/**
 * A time-based one-time password (RFC 6238 with HMAC-SHA1, the only algorithm Cognito's
 * software tokens use), from the raw key. The counter is the number of periods since the epoch;
 * the code is RFC 4226's dynamic truncation of its HMAC.
 */
export function totpFromKey(key: Buffer, options: TotpOptions = {}): string {
  const periodSeconds = options.periodSeconds ?? 30;
  const digits = options.digits ?? 6;
  const counter = Math.floor((options.at ?? Date.now()) / 1000 / periodSeconds);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', key).update(message).digest();
  const offset = (hmac.at(-1) ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator app shows now for a base32 secret (what AssociateSoftwareToken returns). */
export const totp = (base32Secret: string, options: TotpOptions = {}): string =>
  totpFromKey(decodeBase32(base32Secret), options);
