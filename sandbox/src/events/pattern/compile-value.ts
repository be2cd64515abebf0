import { compileAnythingBut } from './anything-but.ts';
import type { ValueTest } from './compiled-pattern.ts';
import { EventPatternError, type PatternPath } from './errors.ts';
import { compileCidr, parseIpAddress, sameIpAddress } from './ip-address.ts';
import { isPlainObject, jsonTypeOf } from './json-shape.ts';
import { compileNumeric } from './numeric-range.ts';
import { compileAffix, compileEqualsIgnoreCase, type StringTest } from './string-operators.ts';
import { compileWildcard } from './wildcard.ts';

/** Every operator name EventBridge accepts inside a value array (case-sensitive). */
export const OPERATORS = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
] as const;

function onStrings(test: StringTest): ValueTest {
  return { kind: 'leaf', test: (value) => typeof value === 'string' && test(value) };
}

function compileExactString(expected: string): ValueTest {
  // EventBridge compares IP literals as addresses, so "2001:db8::1" equals "2001:DB8:0:0:0:0:0:1".
  const ip = parseIpAddress(expected);
  if (!ip) return { kind: 'leaf', test: (value) => value === expected };
  return {
    kind: 'leaf',
    test: (value) =>
      typeof value === 'string' && (value === expected || sameIpAddress(ip, parseIpAddress(value))),
  };
}

function compileOperator(expression: Record<string, unknown>, path: PatternPath): ValueTest {
  const keys = Object.keys(expression);
  const [name] = keys;
  if (keys.length !== 1 || name === undefined) {
    throw new EventPatternError(
      path,
      `an operator object has exactly one key (one of ${OPERATORS.join(', ')}), got ${keys.length === 0 ? 'none' : keys.join(', ')}`,
    );
  }
  const arg = expression[name];
  const argPath = [...path, name];
  switch (name) {
    case 'prefix':
    case 'suffix':
      return onStrings(compileAffix(arg, argPath, name));
    case 'equals-ignore-case':
      return onStrings(compileEqualsIgnoreCase(arg, argPath));
    case 'wildcard':
      if (typeof arg !== 'string') {
        throw new EventPatternError(argPath, `wildcard takes a string, got ${jsonTypeOf(arg)}`);
      }
      return onStrings(compileWildcard(arg, argPath));
    case 'anything-but':
      return { kind: 'leaf', test: compileAnythingBut(arg, argPath) };
    case 'numeric':
      return { kind: 'leaf', test: compileNumeric(arg, argPath) };
    case 'cidr':
      return { kind: 'leaf', test: compileCidr(arg, argPath) };
    case 'exists':
      if (typeof arg !== 'boolean') {
        throw new EventPatternError(argPath, `exists takes true or false, got ${jsonTypeOf(arg)}`);
      }
      return { kind: 'exists', present: arg };
    default:
      throw new EventPatternError(
        path,
        `unknown operator "${name}"; operators are case-sensitive: ${OPERATORS.join(', ')}`,
      );
  }
}

/** Compiles one entry of a value array: a JSON scalar to equal, or an operator object. */
export function compileValue(value: unknown, path: PatternPath): ValueTest {
  if (typeof value === 'string') return compileExactString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new EventPatternError(path, `${value} is not a JSON number`);
    // Numbers compare by value: 300 in a pattern matches 300.0 and 3.0e2 in an event.
    return { kind: 'leaf', test: (candidate) => candidate === value };
  }
  if (typeof value === 'boolean' || value === null)
    return { kind: 'leaf', test: (candidate) => candidate === value };
  if (isPlainObject(value)) return compileOperator(value, path);
  throw new EventPatternError(
    path,
    `a value must be a string, number, boolean, null or an operator object, got ${jsonTypeOf(value)}`,
  );
}
