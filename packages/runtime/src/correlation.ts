import { randomUUID } from 'node:crypto';

/** The header clients and services use to carry one correlation id across calls. */
export const CORRELATION_HEADER = 'x-correlation-id';

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Returns the caller's correlation id when it is well formed, otherwise a fresh one.
 * A malformed id (too long, odd characters) is replaced rather than logged, so that a client
 * cannot inject content into the logs.
 */
export function correlationIdFrom(headers: Record<string, string | undefined> | undefined): string {
  const value = headers?.[CORRELATION_HEADER] ?? headers?.['X-Correlation-Id'];
  return value && VALID_ID.test(value) ? value : randomUUID();
}
