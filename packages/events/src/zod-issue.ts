import type * as z from 'zod';
import { DomainEventValidationError } from './errors.ts';

/** The first issue of a failed parse as a DomainEventValidationError naming `prefix.path`. */
export function validationErrorFrom(error: z.ZodError, prefix: string): DomainEventValidationError {
  const issue = error.issues[0];
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return new DomainEventValidationError(field || '(event)', issue?.message ?? 'is invalid', { cause: error });
}
