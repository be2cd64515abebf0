/** The AWS CLI's `fnmatch` glob: `*` any run (including `/`), `?` one character, `[...]` a set. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const close = pattern.indexOf(']', index + 1);
      if (close === -1) source += '\\[';
      else {
        const set = pattern
          .slice(index + 1, close)
          .replace(/^!/, '^')
          .replaceAll('\\', '\\\\');
        source += `[${set}]`;
        index = close;
      }
    } else source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

/**
 * `aws s3 sync --exclude/--include`: every file is included unless the last filter matching it
 * is an exclude. CDK passes `Exclude` before `Include`, so includes win.
 */
export function syncFilter(
  exclude: readonly string[],
  include: readonly string[],
): (path: string) => boolean {
  const filters = [
    ...exclude.map((pattern) => ({ keep: false, test: globToRegExp(pattern) })),
    ...include.map((pattern) => ({ keep: true, test: globToRegExp(pattern) })),
  ];
  return (path) => {
    let keep = true;
    for (const filter of filters) if (filter.test.test(path)) keep = filter.keep;
    return keep;
  };
}
