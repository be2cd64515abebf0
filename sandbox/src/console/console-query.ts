import { z } from 'zod';

const limit = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .default(fallback);
const id = z.string().min(1).max(256);

export const logsQuery = z
  .object({
    function: id.optional(),
    requestId: id.optional(),
    correlationId: id.optional(),
    limit: limit(1000, 200),
  })
  .strict();
export const eventsQuery = z.object({ limit: limit(1000, 100) }).strict();
export const queueMessagesQuery = z.object({ url: z.string().url() }).strict();
export const noQuery = z.object({}).strict();

/** The page's own query: the log filters plus the queue whose messages are open. */
export const pageQuery = logsQuery.extend({ queue: z.string().url().optional() }).strict();

/** Parses URL search parameters (each given once) with `schema`, or returns the problems. */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  params: URLSearchParams,
): { ok: true; value: z.output<S> } | { ok: false; problems: string[] } {
  const entries: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of params) {
    if (name in entries) problems.push(`${name}: given more than once`);
    entries[name] = value;
  }
  const result = schema.safeParse(entries);
  if (!result.success) {
    problems.push(
      ...result.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown parameter ${issue.keys.join(', ')}`
          : `${issue.path.join('.')}: ${issue.message}`,
      ),
    );
  }
  return problems.length > 0 || !result.success ? { ok: false, problems } : { ok: true, value: result.data };
}
