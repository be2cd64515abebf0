import type { CompiledPattern, JsonLeaf, PatternNode, ValueTest } from './compiled-pattern.ts';
import { isPlainObject } from './json-shape.ts';

const NO_LEAVES: readonly JsonLeaf[] = [];

function isLeaf(value: unknown): value is JsonLeaf {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function collectLeaves(values: readonly unknown[], into: JsonLeaf[]): JsonLeaf[] {
  for (const value of values) {
    if (Array.isArray(value)) collectLeaves(value, into);
    else if (isLeaf(value)) into.push(value);
  }
  return into;
}

/**
 * The leaf values of a field: its scalar, or every scalar of its (nested) array. An object
 * is not a leaf, and an empty array has none, so both count as absent for `exists`.
 */
function leavesOf(value: unknown): readonly JsonLeaf[] {
  if (Array.isArray(value)) return collectLeaves(value, []);
  return isLeaf(value) ? [value] : NO_LEAVES;
}

function matchesValues(tests: readonly ValueTest[], value: unknown): boolean {
  const leaves = leavesOf(value);
  for (const test of tests) {
    if (test.kind === 'exists' ? test.present === leaves.length > 0 : leaves.some(test.test)) return true;
  }
  return false;
}

function collectObjects(
  values: readonly unknown[],
  into: Record<string, unknown>[],
): Record<string, unknown>[] {
  for (const value of values) {
    if (Array.isArray(value)) collectObjects(value, into);
    else if (isPlainObject(value)) into.push(value);
  }
  return into;
}

/**
 * A nested pattern against a field of the event. When the field is an array of objects, one
 * element must match the whole nested pattern: fields from different elements never combine.
 * A field that is missing or holds no object is matched as absent (only `exists: false` can
 * succeed there).
 */
function matchesNested(node: PatternNode, value: unknown): boolean {
  if (!Array.isArray(value)) return matchesNode(node, value);
  const elements = collectObjects(value, []);
  return elements.length === 0
    ? matchesNode(node, undefined)
    : elements.some((element) => matchesNode(node, element));
}

function matchesNode(node: PatternNode, value: unknown): boolean {
  const object = isPlainObject(value) ? value : undefined;
  for (const field of node.fields) {
    const child = object !== undefined && Object.hasOwn(object, field.key) ? object[field.key] : undefined;
    const ok = field.kind === 'leaf' ? matchesValues(field.tests, child) : matchesNested(field.node, child);
    if (!ok) return false;
  }
  for (const branches of node.anyOf) {
    if (!branches.some((branch) => matchesNode(branch, value))) return false;
  }
  return true;
}

/**
 * Whether an event (the whole envelope: `source`, `detail-type`, `detail`, ...) matches a
 * compiled pattern.
 *
 * @example
 * ```ts
 * const rule = compilePattern({ 'detail-type': ['TodoCompleted'] });
 * matches(rule, { source: 'stratum.todo', 'detail-type': 'TodoCompleted', detail: {} }); // true
 * ```
 */
export function matches(compiled: CompiledPattern, event: unknown): boolean {
  return matchesNode(compiled.root, event);
}
