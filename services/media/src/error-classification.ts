import { type ClassifiedError, classifyDataError } from '@stratum/subgraph';
import { MediaError } from './errors.ts';

/** Data-layer input paths → the arguments the client wrote (`input.size` → `size`, `mediaId` → `id`). */
const ARGUMENTS: Readonly<Record<string, string>> = {
  'input.todoId': 'todoId',
  'input.contentType': 'contentType',
  'input.size': 'size',
  todoId: 'todoId',
  mediaId: 'id',
};

/** Undefined for the scope and the pipeline's fields: they are not the client's input. */
function argumentOf(dataField: string): string | undefined {
  return ARGUMENTS[dataField];
}

/**
 * The client-facing form of an expected error, or undefined for an unexpected one (masked).
 * Classes are matched with `instanceof`, never by `name`: minified bundles rename classes.
 */
export function classifyError(error: unknown): ClassifiedError | undefined {
  if (error instanceof MediaError) {
    const field = 'field' in error && typeof error.field === 'string' ? error.field : undefined;
    return { code: error.code, message: error.message, ...(field ? { field } : {}) };
  }
  return classifyDataError(error, argumentOf);
}
