/**
 * A cache behaviour's `PathPattern` as CloudFront matches it: against the URI path only (no query
 * string), case-sensitively, `*` for any run of characters (`/` included), `?` for exactly one,
 * everything else literal. A pattern may omit the leading `/` (`images/*` means `/images/*`).
 *
 * @example
 * ```ts
 * const api = PathPattern.parse('/api/*');
 * api.matches('/api/v1/todos'); // true
 * api.matches('/apix');         // false
 * ```
 */
export class PathPattern {
  private constructor(
    readonly source: string,
    private readonly regex: RegExp,
  ) {}

  static parse(pattern: string): PathPattern {
    const absolute = pattern.startsWith('/') || pattern.startsWith('*') ? pattern : `/${pattern}`;
    let body = '';
    for (const char of absolute) {
      if (char === '*') body += '.*';
      else if (char === '?') body += '.';
      else body += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }
    return new PathPattern(pattern, new RegExp(`^${body}$`, 's'));
  }

  matches(path: string): boolean {
    return this.regex.test(path);
  }
}
