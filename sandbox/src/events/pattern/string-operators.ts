import { EventPatternError, type PatternPath } from './errors.ts';
import { isPlainObject } from './json-shape.ts';

/** A test on a string leaf; string operators never match numbers, booleans or null. */
export type StringTest = (value: string) => boolean;

function requireString(arg: unknown, path: PatternPath, operator: string): string {
  if (typeof arg !== 'string') {
    throw new EventPatternError(path, `${operator} takes a string, got ${JSON.stringify(arg)}`);
  }
  return arg;
}

export function compileEqualsIgnoreCase(arg: unknown, path: PatternPath): StringTest {
  const expected = requireString(arg, path, 'equals-ignore-case').toLowerCase();
  return (value) => value.toLowerCase() === expected;
}

/**
 * Compiles `prefix` or `suffix`: either a string, or `{"equals-ignore-case": "..."}` for a
 * case-insensitive comparison.
 */
export function compileAffix(arg: unknown, path: PatternPath, operator: 'prefix' | 'suffix'): StringTest {
  if (isPlainObject(arg)) {
    const keys = Object.keys(arg);
    if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
      throw new EventPatternError(
        path,
        `${operator} takes a string or {"equals-ignore-case": "..."}, got an object with ${keys.join(', ') || 'no keys'}`,
      );
    }
    const affix = requireString(
      arg['equals-ignore-case'],
      [...path, 'equals-ignore-case'],
      operator,
    ).toLowerCase();
    return operator === 'prefix'
      ? (value) => value.toLowerCase().startsWith(affix)
      : (value) => value.toLowerCase().endsWith(affix);
  }
  const affix = requireString(arg, path, operator);
  return operator === 'prefix' ? (value) => value.startsWith(affix) : (value) => value.endsWith(affix);
}
