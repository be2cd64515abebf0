import { describe, expect, it } from 'vitest';
import { PathPattern } from '../../src/cloudfront/index.ts';

describe('PathPattern', () => {
  it.each([
    ['/api/*', '/api/v1/todos', true],
    ['/api/*', '/api/', true],
    ['/api/*', '/api', false],
    ['/api/*', '/apix/y', false],
    ['*.jpg', '/images/a/b.jpg', true],
    ['*.jpg', '/images/a/b.jpeg', false],
    ['images/*.png', '/images/x.png', true],
    ['/file?.txt', '/file1.txt', true],
    ['/file?.txt', '/file12.txt', false],
    ['/file?.txt', '/file.txt', false],
    ['/a.b', '/aXb', false],
    ['/Docs/*', '/docs/x', false],
    ['*', '/anything/at/all', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(PathPattern.parse(pattern).matches(path)).toBe(expected);
  });
});
