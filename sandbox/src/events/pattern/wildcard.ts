import { EventPatternError, type PatternPath } from './errors.ts';

/**
 * Compiles a wildcard pattern: `*` stands for any run of characters (including none), `\*` is a
 * literal asterisk and `\\` a literal backslash. EventBridge refuses consecutive `*` and any
 * other escape, so this does too.
 *
 * Matching splits the pattern into the literal pieces between the stars: the first must start
 * the value, the last must end it, and the others must appear in order in between. Taking the
 * leftmost occurrence of each piece is always right for `*`-only patterns, so this is linear
 * and cannot backtrack.
 */
export function compileWildcard(pattern: string, path: PatternPath): (value: string) => boolean {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') {
        throw new EventPatternError(
          path,
          `invalid escape at position ${i} of "${pattern}": a backslash may only escape * or \\`,
        );
      }
      current += next;
      i++;
    } else if (char === '*') {
      if (pattern[i + 1] === '*') {
        throw new EventPatternError(path, `consecutive wildcard characters at position ${i} of "${pattern}"`);
      }
      pieces.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  pieces.push(current);

  if (pieces.length === 1) return (value) => value === current;
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  const middle = pieces.slice(1, -1).filter((piece) => piece !== '');
  const fixedLength = first.length + last.length;
  return (value) => {
    if (value.length < fixedLength || !value.startsWith(first) || !value.endsWith(last)) return false;
    let position = first.length;
    const end = value.length - last.length;
    for (const piece of middle) {
      const found = value.indexOf(piece, position);
      if (found < 0 || found + piece.length > end) return false;
      position = found + piece.length;
    }
    return true;
  };
}
