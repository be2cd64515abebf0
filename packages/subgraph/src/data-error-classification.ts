import {
  DataValidationError,
  InvitationStateError,
  NotFoundError,
  TenantAlreadyExistsError,
  VersionConflictError,
} from '@stratum/data';
import type { ClassifiedError } from './execute-operation.ts';

/**
 * Maps a data-layer path (`query.cursor`, `patch.title`) to the GraphQL argument the client wrote;
 * undefined when the path is not client input (the tenant scope comes from the principal).
 */
export type ArgumentOf = (dataField: string) => string | undefined;

/**
 * The client-facing form of an expected `@stratum/data` error, or undefined for anything else.
 * Classes are matched with `instanceof`, never by `name`: minified bundles rename classes.
 */
export function classifyDataError(error: unknown, argumentOf: ArgumentOf): ClassifiedError | undefined {
  if (error instanceof DataValidationError) {
    const field = argumentOf(error.field);
    if (!field) return undefined;
    return { code: 'BAD_USER_INPUT', message: `Invalid ${field}: ${error.reason}.`, field };
  }
  if (error instanceof NotFoundError) return { code: 'NOT_FOUND', message: error.message };
  if (
    error instanceof VersionConflictError ||
    error instanceof InvitationStateError ||
    error instanceof TenantAlreadyExistsError
  ) {
    return { code: 'CONFLICT', message: error.message };
  }
  return undefined;
}
