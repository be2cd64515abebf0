import { type $ZodType, type output, safeParse } from 'zod/v4/core';

/** A required environment variable is missing or malformed. Thrown at module load: fail fast. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid function environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates the function's environment once, naming every bad variable. Takes a
 * `zod` or a `zod/mini` schema (functions with a tight cold-start budget use the latter).
 *
 * @example
 * ```ts
 * const env = readEnvironment(z.object({ TABLE_NAME: z.string().min(1) }));
 * env.TABLE_NAME; // typed
 * ```
 */
export function readEnvironment<S extends $ZodType>(
  schema: S,
  source: NodeJS.ProcessEnv = process.env,
): output<S> {
  const parsed = safeParse(schema, source);
  if (!parsed.success) {
    throw new EnvironmentError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
