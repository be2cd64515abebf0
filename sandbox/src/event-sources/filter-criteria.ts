import { type CompiledPattern, compilePattern, EventPatternError, matches } from '../events/pattern/index.ts';
import { EventSourceDefinitionError } from './errors.ts';

/** Lambda and Pipes accept at most five filters (a record passes when any matches). */
const MAX_FILTERS = 5;

/** Compiled `FilterCriteria`; no filters means every record passes. */
export interface RecordFilter {
  readonly patterns: readonly CompiledPattern[];
}

/**
 * Compiles `FilterCriteria: { Filters: [{ Pattern }] }` with the sandbox's EventBridge pattern
 * matcher — Lambda and Pipes filters use the event-pattern syntax on the record.
 *
 * @throws EventSourceDefinitionError naming each bad filter and the place in its pattern
 */
export function compileFilterCriteria(criteria: unknown, where: string): RecordFilter {
  if (criteria === undefined || criteria === null) return { patterns: [] };
  const filters = (criteria as { Filters?: unknown }).Filters ?? [];
  if (!Array.isArray(filters))
    throw new EventSourceDefinitionError(where, ['FilterCriteria.Filters must be a list']);
  const problems: string[] = [];
  if (filters.length > MAX_FILTERS)
    problems.push(`FilterCriteria has ${filters.length} filters (at most ${MAX_FILTERS})`);
  const patterns: CompiledPattern[] = [];
  filters.forEach((filter, index) => {
    const pattern = (filter as { Pattern?: unknown } | null)?.Pattern;
    try {
      patterns.push(compilePattern(pattern));
    } catch (error) {
      const message = error instanceof EventPatternError ? error.message : String(error);
      problems.push(`FilterCriteria.Filters[${index}].Pattern: ${message}`);
    }
  });
  if (problems.length > 0) throw new EventSourceDefinitionError(where, problems);
  return { patterns };
}

/** Whether a record (in its filtering view, see {@link sqsFilterView}) passes the filter. */
export function passesFilter(filter: RecordFilter, record: unknown): boolean {
  return filter.patterns.length === 0 || filter.patterns.some((pattern) => matches(pattern, record));
}

/**
 * What an SQS record looks like to filters and Pipes templates: a JSON `body` is parsed, so
 * `{ "body": { "type": ["x"] } }` matches a message whose body is `{"type":"x"}`; a plain-text body
 * stays a string.
 */
export function sqsFilterView<T extends { readonly body: string }>(
  record: T,
): Omit<T, 'body'> & { body: unknown } {
  return { ...record, body: parseJsonOrText(record.body) };
}

export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
