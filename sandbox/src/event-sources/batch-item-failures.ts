/** How a function answered a batch when `ReportBatchItemFailures` is on. */
export type BatchResponse =
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'partial'; readonly failed: readonly string[] }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Reads a `{ batchItemFailures: [{ itemIdentifier }] }` answer as Lambda does: no value, no list or an
 * empty list is a success; an identifier that is missing, empty, not a string or not in the batch makes
 * the answer invalid, which Lambda treats as a failure of the whole batch.
 *
 * @param identifiers the batch's message ids (SQS) or sequence numbers (streams).
 */
export function readBatchResponse(payload: unknown, identifiers: readonly string[]): BatchResponse {
  if (payload === undefined || payload === null) return { kind: 'succeeded' };
  if (typeof payload !== 'object' || Array.isArray(payload)) {
    return { kind: 'invalid', reason: 'the response is not a JSON object' };
  }
  const list = (payload as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === undefined || list === null) return { kind: 'succeeded' };
  if (!Array.isArray(list)) return { kind: 'invalid', reason: 'batchItemFailures is not a list' };
  const known = new Set(identifiers);
  const failed: string[] = [];
  for (const item of list) {
    const id = (item as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '') {
      return { kind: 'invalid', reason: 'a batchItemFailures entry has no itemIdentifier' };
    }
    if (!known.has(id)) return { kind: 'invalid', reason: `itemIdentifier "${id}" is not in the batch` };
    failed.push(id);
  }
  return failed.length === 0 ? { kind: 'succeeded' } : { kind: 'partial', failed };
}
