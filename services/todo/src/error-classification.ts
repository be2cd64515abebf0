import { type ClassifiedError, classifyDataError } from '@stratum/subgraph';
import { TodoError } from './errors.ts';

/** What a client may learn about an error: its code, its message and the input field at fault. */
export type ClientError = ClassifiedError;

const PAGE_ARGUMENTS: Readonly<Record<string, string>> = { cursor: 'after', limit: 'first' };

/**
 * The argument path a client wrote for a data-layer input path (`query.cursor` → `after`,
 * `patch.title` → `input.title`, `query.dueTo` → `filter.dueTo`, `todoId` → `id`). Undefined for
 * the scope: tenant and user ids come from the principal, so a bad one is not the client's input.
 */
function argumentOf(dataField: string): string | undefined {
  const [head, ...rest] = dataField.split('.');
  const tail = rest.join('.');
  if (head === 'scope') return undefined;
  if (head === 'todoId') return 'id';
  if (head === 'patch') return tail ? `input.${tail}` : 'input';
  if (head === 'query') return PAGE_ARGUMENTS[tail] ?? (tail ? `filter.${tail}` : 'filter');
  return dataField;
}

/**
 * Returns the client-facing form of an expected error, or undefined for an unexpected one.
 * Classes are matched with `instanceof`, never by `name`: minified bundles rename classes.
 */
export function classifyError(error: unknown): ClientError | undefined {
  if (error instanceof TodoError) {
    const field = 'field' in error && typeof error.field === 'string' ? error.field : undefined;
    return { code: error.code, message: error.message, ...(field ? { field } : {}) };
  }
  return classifyDataError(error, argumentOf);
}
