import type { ClassifiedError } from '@stratum/subgraph';
import { OperationsError } from './errors.ts';

/**
 * The client-facing form of an expected error, or undefined for an unexpected one (masked as
 * INTERNAL with the correlation id). Matched with `instanceof`: minified bundles rename classes.
 */
export function classifyError(error: unknown): ClassifiedError | undefined {
  if (!(error instanceof OperationsError)) return undefined;
  const field = 'field' in error && typeof error.field === 'string' ? error.field : undefined;
  return { code: error.code, message: error.message, ...(field ? { field } : {}) };
}
