import type { JsonLeaf, LeafPredicate } from './compiled-pattern.ts';
import { EventPatternError, type PatternPath } from './errors.ts';
import { isPlainObject, jsonTypeOf } from './json-shape.ts';
import { comparableNumber } from './numeric-range.ts';
import { compileAffix, compileEqualsIgnoreCase, type StringTest } from './string-operators.ts';
import { compileWildcard } from './wildcard.ts';

const NESTED_OPERATORS = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'] as const;
type NestedOperator = (typeof NESTED_OPERATORS)[number];

function isNestedOperator(key: string): key is NestedOperator {
  return (NESTED_OPERATORS as readonly string[]).includes(key);
}

/** `"anything-but": "x"`, `123` or a list of only strings or only numbers. */
function compileExcludedValues(arg: unknown, path: PatternPath): LeafPredicate {
  const values = Array.isArray(arg) ? arg : [arg];
  if (values.length === 0) throw new EventPatternError(path, 'anything-but needs at least one value');
  const strings = new Set<string>();
  const numbers = new Set<number>();
  values.forEach((value, index) => {
    const valuePath = Array.isArray(arg) ? [...path, index] : path;
    if (typeof value === 'string') strings.add(value);
    else if (typeof value === 'number')
      numbers.add(comparableNumber(value, valuePath, 'an anything-but number'));
    else {
      throw new EventPatternError(
        valuePath,
        `anything-but takes strings or numbers (or one operator object), got ${jsonTypeOf(value)}`,
      );
    }
  });
  if (strings.size > 0 && numbers.size > 0) {
    throw new EventPatternError(
      path,
      'an anything-but list must hold only strings or only numbers, not both',
    );
  }
  // A value of another type (or null) is "anything but" the listed ones, so it matches.
  return (value: JsonLeaf) =>
    typeof value === 'string' ? !strings.has(value) : typeof value === 'number' ? !numbers.has(value) : true;
}

function compileNestedTest(operator: NestedOperator, arg: string, path: PatternPath): StringTest {
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (arg === '') throw new EventPatternError(path, `anything-but ${operator} must not be empty`);
      return compileAffix(arg, path, operator);
    case 'equals-ignore-case':
      return compileEqualsIgnoreCase(arg, path);
    case 'wildcard':
      return compileWildcard(arg, path);
  }
}

/** `"anything-but": {"prefix" | "suffix" | "equals-ignore-case" | "wildcard": "x" | ["x", ...]}`. */
function compileExcludedMatches(arg: Record<string, unknown>, path: PatternPath): LeafPredicate {
  const keys = Object.keys(arg);
  const [operator] = keys;
  if (keys.length !== 1 || operator === undefined || !isNestedOperator(operator)) {
    throw new EventPatternError(
      path,
      `anything-but takes one of ${NESTED_OPERATORS.join(', ')} as an operator, got ${keys.join(', ') || 'an empty object'}`,
    );
  }
  const operand = arg[operator];
  const operandPath = [...path, operator];
  const operands = Array.isArray(operand) ? operand : [operand];
  const tests = operands.map((value, index) => {
    const valuePath = Array.isArray(operand) ? [...operandPath, index] : operandPath;
    if (typeof value !== 'string') {
      throw new EventPatternError(
        valuePath,
        `anything-but ${operator} takes strings, got ${jsonTypeOf(value)}`,
      );
    }
    return compileNestedTest(operator, value, valuePath);
  });
  // Numbers, booleans and null never satisfy a string operator, so anything-but lets them through.
  return (value: JsonLeaf) => typeof value !== 'string' || !tests.some((test) => test(value));
}

/**
 * Compiles `anything-but`. It matches a field that has a leaf value failing the inner test; a
 * missing field (or one holding only an object) has no leaf value, so it never matches.
 */
export function compileAnythingBut(arg: unknown, path: PatternPath): LeafPredicate {
  return isPlainObject(arg) ? compileExcludedMatches(arg, path) : compileExcludedValues(arg, path);
}
