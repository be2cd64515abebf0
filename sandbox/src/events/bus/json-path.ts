import { EventsDefinitionError } from './errors.ts';

/** One step of a compiled path: a key, an array index, or `*` (every element or value). */
type PathStep = { readonly key: string } | { readonly index: number } | { readonly wildcard: true };

/** A JSONPath in the subset EventBridge evaluates in `InputPath` and `InputPathsMap`. */
export interface CompiledJsonPath {
  readonly text: string;
  readonly steps: readonly PathStep[];
}

/** Dot-notation keys may hold letters, digits, `_`, `-` and `/` (EventBridge's documented set). */
const DOT_KEY = /^\.([A-Za-z0-9_\-/:@$]+|\*)/;
const BRACKET = /^\[(?:(\d+)|\*|'([^']*)'|"([^"]*)")\]/;

/**
 * Compiles `$`, `$.detail.x`, `$.detail-type`, `$.resources[0]`, `$['odd key']`, `$.items[*].id`.
 * Filters, slices, recursive descent and functions are refused: EventBridge does not evaluate them.
 *
 * @throws EventsDefinitionError naming the path and the offset of the first unsupported character.
 */
export function compileJsonPath(text: string, where: string): CompiledJsonPath {
  if (!text.startsWith('$')) throw new EventsDefinitionError(where, [`JSONPath "${text}" must start with $`]);
  const steps: PathStep[] = [];
  let rest = text.slice(1);
  while (rest.length > 0) {
    const dot = DOT_KEY.exec(rest);
    const bracket = dot === null ? BRACKET.exec(rest) : null;
    const match = dot ?? bracket;
    if (match === null) {
      const offset = text.length - rest.length;
      throw new EventsDefinitionError(where, [
        `JSONPath "${text}" is not supported at offset ${offset} ("${rest}"); use dot keys, [index], ['key'] or *`,
      ]);
    }
    if (dot !== null) steps.push(dot[1] === '*' ? { wildcard: true } : { key: dot[1] ?? '' });
    else if (bracket?.[1] !== undefined) steps.push({ index: Number(bracket[1]) });
    else if (bracket?.[2] !== undefined || bracket?.[3] !== undefined) {
      steps.push({ key: bracket[2] ?? bracket[3] ?? '' });
    } else steps.push({ wildcard: true });
    rest = rest.slice(match[0].length);
  }
  return { text, steps };
}

function step(values: readonly unknown[], by: PathStep): unknown[] {
  const next: unknown[] = [];
  for (const value of values) {
    if ('wildcard' in by) {
      if (Array.isArray(value)) next.push(...value);
      else if (typeof value === 'object' && value !== null) next.push(...Object.values(value));
    } else if ('index' in by) {
      if (Array.isArray(value) && by.index < value.length) next.push(value[by.index]);
    } else if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.hasOwn(value, by.key)
    ) {
      next.push((value as Record<string, unknown>)[by.key]);
    }
  }
  return next;
}

/**
 * The value at a path, or `undefined` when the event has nothing there. A path with `*` yields
 * the array of everything it reached.
 */
export function evaluateJsonPath(path: CompiledJsonPath, document: unknown): unknown {
  let values: unknown[] = [document];
  for (const by of path.steps) values = step(values, by);
  if (path.steps.some((by) => 'wildcard' in by)) return values;
  return values[0];
}
