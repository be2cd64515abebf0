import type { LeafPredicate } from './compiled-pattern.ts';
import { EventPatternError, type PatternPath } from './errors.ts';

/** An IPv4 (32-bit) or IPv6 (128-bit) address as an integer. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

// The shapes EventBridge treats as IP literals; anything else is an ordinary string.
const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): IpAddress | undefined {
  let value = 0n;
  for (const part of text.split('.')) {
    const octet = Number(part);
    if (part.length > 3 || octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return { family: 4, value };
}

function parseGroups(text: string): string[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  return groups.every((group) => IPV6_GROUP.test(group)) ? groups : undefined;
}

function parseIpv6(text: string): IpAddress | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  return { family: 6, value };
}

/** Parses an IPv4 dotted quad or an IPv6 literal (with `::` compression); otherwise undefined. */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (IPV4_SHAPE.test(text)) return parseIpv4(text);
  if (IPV6_SHAPE.test(text)) return parseIpv6(text);
  return undefined;
}

export function sameIpAddress(a: IpAddress, b: IpAddress | undefined): boolean {
  return b !== undefined && a.family === b.family && a.value === b.value;
}

/**
 * Compiles `{"cidr": "10.0.0.0/24"}` (IPv4 or IPv6). Like EventBridge, the range runs from the
 * address as written up to the last address of its block, so write the network address; and
 * the mask must leave at least one host bit (IPv4 /0–/31, IPv6 /0–/127).
 */
export function compileCidr(arg: unknown, path: PatternPath): LeafPredicate {
  if (typeof arg !== 'string') throw new EventPatternError(path, 'cidr takes a string such as "10.0.0.0/24"');
  const parts = arg.split('/');
  if (parts.length !== 2)
    throw new EventPatternError(path, `malformed CIDR "${arg}": exactly one "/" is required`);
  const [address = '', maskText = ''] = parts;
  if (!/^[+-]?[0-9]+$/.test(maskText)) {
    throw new EventPatternError(path, `malformed CIDR "${arg}": the mask bits must be an integer`);
  }
  const maskBits = Number(maskText);
  if (maskBits < 0)
    throw new EventPatternError(path, `malformed CIDR "${arg}": the mask bits must not be negative`);
  const base = parseIpAddress(address);
  if (!base) throw new EventPatternError(path, `"${address}" is not a standard IPv4 or IPv6 address`);
  const width = base.family === 4 ? 32 : 128;
  if (maskBits >= width) {
    throw new EventPatternError(
      path,
      `IPv${base.family} mask bits must be below ${width}; to match one address, list it as a plain string value`,
    );
  }
  const top = base.value | ((1n << BigInt(width - maskBits)) - 1n);
  return (value) => {
    if (typeof value !== 'string') return false;
    const ip = parseIpAddress(value);
    return ip !== undefined && ip.family === base.family && ip.value >= base.value && ip.value <= top;
  };
}
