/** A JSON scalar as it appears at a leaf of an event. */
export type JsonLeaf = string | number | boolean | null;

/** Tests one leaf value of the event (every operator except `exists`). */
export type LeafPredicate = (value: JsonLeaf) => boolean;

/**
 * One entry of a pattern's value array. Entries are alternatives: the field matches when any
 * entry does. `exists` looks at whether the field has leaf values at all; every other entry
 * tests the leaf values one by one and needs one of them to pass.
 */
export type ValueTest =
  | { readonly kind: 'exists'; readonly present: boolean }
  | { readonly kind: 'leaf'; readonly test: LeafPredicate };

/** `"field": [ ...values ]` — the field's leaf values must pass one of the tests. */
export interface LeafField {
  readonly kind: 'leaf';
  readonly key: string;
  readonly tests: readonly ValueTest[];
}

/** `"field": { ... }` — the field's object (or one object of its array) must match the node. */
export interface NestedField {
  readonly kind: 'nested';
  readonly key: string;
  readonly node: PatternNode;
}

/**
 * One object level of a pattern: every field must match (AND), and for every `$or` at this
 * level at least one of its branches must match the same event object.
 */
export interface PatternNode {
  readonly fields: readonly (LeafField | NestedField)[];
  readonly anyOf: readonly (readonly PatternNode[])[];
}

/** A validated pattern, ready for `matches`. Compile once per rule, match many events. */
export interface CompiledPattern {
  readonly root: PatternNode;
  /** The pattern as given (parsed), for display in the console and in errors. */
  readonly source: Readonly<Record<string, unknown>>;
}
