/** `days` UTC days ending today, as YYYY-MM-DD strings (inclusive), for the analytics query. */
export function lastDays(days: number, now: Date = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  return { from: start.toISOString().slice(0, 10), to };
}
