import { type ClassifiedError, classifyDataError } from '@stratum/subgraph';
import { UsersError } from './errors.ts';

/** What a client may learn about an error: its code, its message and the input field at fault. */
export type ClientError = ClassifiedError;

const RENAMED: Readonly<Record<string, string>> = {
  cursor: 'after',
  limit: 'first',
  invitationId: 'id',
  userId: 'id',
  fromDay: 'from',
  toDay: 'to',
};

/** Data-layer paths that never come from the client: the device's owner and SNS endpoint are ours. */
const NOT_CLIENT_INPUT = new Set(['device.userId', 'device.endpointArn']);

/**
 * The argument a client wrote for a data-layer input path (`query.cursor` → `after`,
 * `patch.displayName` → `displayName`, `invitationId` → `id`, `toDay` → `to`). Undefined for the scope: tenant
 * and user ids come from the principal, so a bad one is not the client's input.
 */
function argumentOf(dataField: string): string | undefined {
  const [head, ...rest] = dataField.split('.');
  if (head === 'scope' || NOT_CLIENT_INPUT.has(dataField)) return undefined;
  const nested = head === 'query' || head === 'patch' || head === 'input' || head === 'device';
  const name = nested ? rest.join('.') : dataField;
  return RENAMED[name] ?? name;
}

/**
 * Returns the client-facing form of an expected error, or undefined for an unexpected one.
 * Classes are matched with `instanceof`, never by `name`: minified bundles rename classes.
 */
export function classifyError(error: unknown): ClientError | undefined {
  if (error instanceof UsersError) {
    const field = 'field' in error && typeof error.field === 'string' ? error.field : undefined;
    return { code: error.code, message: error.message, ...(field ? { field } : {}) };
  }
  return classifyDataError(error, argumentOf);
}
