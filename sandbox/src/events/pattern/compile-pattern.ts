import { compileValue, OPERATORS } from './compile-value.ts';
import type { CompiledPattern, LeafField, NestedField, PatternNode, ValueTest } from './compiled-pattern.ts';
import { EventPatternError, type PatternPath } from './errors.ts';
import { isPlainObject, jsonTypeOf } from './json-shape.ts';

const OR_KEY = '$or';

/**
 * Nesting guard of the sandbox (EventBridge documents no depth limit, but its patterns are
 * bounded in size): deeper patterns are refused rather than risking the stack.
 */
export const MAX_PATTERN_DEPTH = 32;

/**
 * Names EventBridge refuses as field names inside `$or`, where a misplaced operator is the
 * likely mistake: the operators, the numeric comparators and the names it reserves.
 */
const RESERVED_IN_OR: ReadonlySet<string> = new Set([
  ...OPERATORS,
  'exactly',
  'html',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

function compileValues(values: readonly unknown[], path: PatternPath): ValueTest[] {
  if (values.length === 0)
    throw new EventPatternError(path, 'empty arrays are not allowed; list at least one value');
  return values.map((value, index) => compileValue(value, [...path, index]));
}

function compileOr(value: unknown, path: PatternPath, depth: number): PatternNode[] {
  if (!Array.isArray(value)) {
    throw new EventPatternError(path, `$or takes an array of at least two objects, got ${jsonTypeOf(value)}`);
  }
  if (value.length < 2) {
    throw new EventPatternError(
      path,
      `$or needs at least two objects to choose between, got ${value.length}`,
    );
  }
  return value.map((branch, index) => {
    const branchPath = [...path, index];
    if (!isPlainObject(branch)) {
      throw new EventPatternError(
        branchPath,
        `each $or alternative must be an object, got ${jsonTypeOf(branch)}`,
      );
    }
    return compileNode(branch, branchPath, depth + 1, true);
  });
}

function compileNode(
  pattern: Readonly<Record<string, unknown>>,
  path: PatternPath,
  depth: number,
  insideOr: boolean,
): PatternNode {
  if (depth > MAX_PATTERN_DEPTH) {
    throw new EventPatternError(path, `the pattern nests deeper than ${MAX_PATTERN_DEPTH} levels`);
  }
  const entries = Object.entries(pattern);
  if (entries.length === 0) throw new EventPatternError(path, 'empty objects are not allowed');
  const fields: (LeafField | NestedField)[] = [];
  const anyOf: PatternNode[][] = [];
  for (const [key, value] of entries) {
    const fieldPath = [...path, key];
    if (key === OR_KEY) {
      anyOf.push(compileOr(value, fieldPath, depth));
    } else if (insideOr && RESERVED_IN_OR.has(key)) {
      throw new EventPatternError(
        fieldPath,
        `"${key}" is reserved and cannot be a field name inside $or; operators go inside a value array, e.g. "field": [{"${key}": ...}]`,
      );
    } else if (Array.isArray(value)) {
      fields.push({ kind: 'leaf', key, tests: compileValues(value, fieldPath) });
    } else if (isPlainObject(value)) {
      fields.push({ kind: 'nested', key, node: compileNode(value, fieldPath, depth + 1, insideOr) });
    } else {
      throw new EventPatternError(
        fieldPath,
        `a field must map to an array of values or a nested object, got ${jsonTypeOf(value)}; write "${key}": [${JSON.stringify(value) ?? ''}]`,
      );
    }
  }
  return { fields, anyOf };
}

function parsePatternText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EventPatternError([], `the pattern is not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/**
 * Validates an EventBridge event pattern the way `PutRule` does and compiles it for `matches`.
 * Accepts the parsed pattern (a CloudFormation `EventPattern` object) or its JSON text.
 *
 * @throws EventPatternError naming the path of the first problem and what to change.
 * @example
 * ```ts
 * const rule = compilePattern({ source: ['stratum.todo'], detail: { priority: [{ numeric: ['>=', 3] }] } });
 * matches(rule, { source: 'stratum.todo', detail: { priority: 4 } }); // true
 * ```
 */
export function compilePattern(pattern: unknown): CompiledPattern {
  const parsed = typeof pattern === 'string' ? parsePatternText(pattern) : pattern;
  if (!isPlainObject(parsed)) {
    throw new EventPatternError([], `the pattern must be a JSON object, got ${jsonTypeOf(parsed)}`);
  }
  return { root: compileNode(parsed, [], 1, false), source: parsed };
}
