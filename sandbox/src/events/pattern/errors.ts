/** Where a problem sits inside a pattern: object keys and array indexes, from the root. */
export type PatternPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Renders a path the way a reader finds it in the JSON: `$.detail.state[0].numeric[2]`. */
export function formatPatternPath(path: PatternPath): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * An event pattern that EventBridge would refuse (`InvalidEventPatternException`). Thrown by
 * `compilePattern` before any event is matched, naming where the problem is and what to change.
 */
export class EventPatternError extends Error {
  override readonly name = 'EventPatternError';
  /** The location of the offending value, e.g. `$.detail.count[0].numeric[1]`. */
  readonly path: string;
  /** What is wrong there, without the location. */
  readonly reason: string;

  constructor(path: PatternPath, reason: string, options?: { cause?: unknown }) {
    const where = formatPatternPath(path);
    super(`Event pattern is not valid at ${where}: ${reason}`, options);
    this.path = where;
    this.reason = reason;
  }
}
