import { DataValidationError } from './errors.ts';

/** What a cursor must look like to be accepted for one query. */
export interface CursorExpectation {
  /** Exact values the key must carry: the partition(s) of THIS tenant's query. */
  readonly fixed: Readonly<Record<string, string>>;
  /** Names of the other key attributes, each a string that starts with the given prefix. */
  readonly prefixed: Readonly<Record<string, string>>;
}

const MAX_CURSOR_CHARS = 2_048;

/** The LastEvaluatedKey as opaque base64url JSON; null when there is no next page. */
export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | null {
  if (!lastEvaluatedKey) return null;
  return Buffer.from(JSON.stringify(lastEvaluatedKey), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor and checks it against the query it is used with. A tampered cursor, one from
 * another query, or one whose key belongs to another tenant is rejected, so a cursor can never
 * start a read outside the caller's partition.
 */
export function decodeCursor(
  cursor: string,
  expected: CursorExpectation,
  field = 'cursor',
): Record<string, string> {
  const invalid = (reason: string) => new DataValidationError(field, reason);
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid('not a cursor returned by this API');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor returned by this API');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('not a cursor returned by this API');
  }
  const key = parsed as Record<string, unknown>;
  const expectedNames = [...Object.keys(expected.fixed), ...Object.keys(expected.prefixed)].sort();
  const actualNames = Object.keys(key).sort();
  if (expectedNames.join('\u0000') !== actualNames.join('\u0000')) {
    throw invalid('does not belong to this query');
  }
  for (const [name, value] of Object.entries(expected.fixed)) {
    if (key[name] !== value) throw invalid('does not belong to this query');
  }
  for (const [name, prefix] of Object.entries(expected.prefixed)) {
    const value = key[name];
    if (typeof value !== 'string' || !value.startsWith(prefix))
      throw invalid('does not belong to this query');
  }
  return key as Record<string, string>;
}
