/**
 * The `extensions.code` values a client can rely on. An error with one of these codes is
 * expected: its message is written for the client and is never masked.
 */
export const EXPECTED_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_LIMIT_EXCEEDED',
  'SUBGRAPH_UNAVAILABLE',
  'INVALID_INVOCATION',
] as const;

export type ExpectedErrorCode = (typeof EXPECTED_ERROR_CODES)[number];

/** Code of an unexpected failure; its message is always masked for clients. */
export const INTERNAL_ERROR_CODE = 'INTERNAL';

const expected: ReadonlySet<string> = new Set(EXPECTED_ERROR_CODES);

export function isExpectedErrorCode(code: unknown): code is ExpectedErrorCode {
  return typeof code === 'string' && expected.has(code);
}
