import type { LeafPredicate } from './compiled-pattern.ts';
import { EventPatternError, type PatternPath } from './errors.ts';

/**
 * EventBridge compares numbers as fixed-point values between -5e9 and +5e9 with six decimal
 * places. A bound outside that is refused when the rule is created; an event value outside it
 * never satisfies a numeric comparison.
 */
export const NUMERIC_LIMIT = 5e9;
const MAX_DECIMALS = 6;

type Comparator = '=' | '<' | '<=' | '>' | '>=';
const COMPARATORS: ReadonlySet<string> = new Set(['=', '<', '<=', '>', '>=']);

/** Decimal places in the shortest representation of `n`: 301.8 → 1, 1e-7 → 7, 5 → 0. */
function decimalPlaces(n: number): number {
  const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** Validates a number EventBridge must compare numerically (numeric bounds, anything-but numbers). */
export function comparableNumber(value: unknown, path: PatternPath, role: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EventPatternError(
      path,
      `${role} must be a JSON number, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }
  if (Math.abs(value) > NUMERIC_LIMIT) {
    throw new EventPatternError(path, `${role} ${value} is outside the comparable range -5e9..5e9`);
  }
  if (decimalPlaces(value) > MAX_DECIMALS) {
    throw new EventPatternError(path, `${role} ${value} has more than ${MAX_DECIMALS} decimal places`);
  }
  return value;
}

function comparator(value: unknown, path: PatternPath): Comparator {
  if (typeof value !== 'string' || !COMPARATORS.has(value)) {
    throw new EventPatternError(
      path,
      `expected one of the comparison operators =, <, <=, >, >=, got ${JSON.stringify(value)}`,
    );
  }
  return value as Comparator;
}

interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

/**
 * Compiles `{"numeric": [...]}`: `["=", n]`, a single bound (`["<", n]`, `[">=", n]`, ...) or a
 * range, lower bound first (`[">", 0, "<=", 5]`). Only JSON numbers in the event can match.
 */
export function compileNumeric(arg: unknown, path: PatternPath): LeafPredicate {
  if (!Array.isArray(arg) || arg.length === 0) {
    throw new EventPatternError(path, 'numeric takes an array such as [">", 0, "<=", 5]');
  }
  const first = comparator(arg[0], [...path, 0]);
  const firstValue = comparableNumber(arg[1], [...path, 1], `the value of ${first}`);
  if (first === '=') {
    if (arg.length !== 2) throw new EventPatternError(path, 'numeric ["=", n] takes exactly one number');
    return (value) => value === firstValue;
  }
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  if (first === '<' || first === '<=') {
    if (arg.length !== 2) {
      throw new EventPatternError(
        path,
        `numeric ["${first}", n] takes one number; write a range lower bound first`,
      );
    }
    upper = { value: firstValue, inclusive: first === '<=' };
  } else {
    lower = { value: firstValue, inclusive: first === '>=' };
    if (arg.length === 4) {
      const second = comparator(arg[2], [...path, 2]);
      if (second !== '<' && second !== '<=') {
        throw new EventPatternError([...path, 2], `a range's upper bound uses < or <=, got "${second}"`);
      }
      upper = {
        value: comparableNumber(arg[3], [...path, 3], `the value of ${second}`),
        inclusive: second === '<=',
      };
    } else if (arg.length !== 2) {
      throw new EventPatternError(path, `numeric takes 2 or 4 elements, got ${arg.length}`);
    }
  }
  // EventBridge stores every comparison as a range within the limits and needs bottom < top.
  const bottom = lower?.value ?? -NUMERIC_LIMIT;
  const top = upper?.value ?? NUMERIC_LIMIT;
  if (bottom >= top) {
    throw new EventPatternError(
      path,
      `the range is empty: its lower bound ${bottom} is not below its upper bound ${top}`,
    );
  }
  return (value) => {
    if (typeof value !== 'number' || Math.abs(value) > NUMERIC_LIMIT) return false;
    if (lower && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
    if (upper && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
    return true;
  };
}
