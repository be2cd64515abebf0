import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  EventPatternError,
  MAX_PATTERN_DEPTH,
  matches,
} from '../../../src/events/pattern/index.ts';
import { describeInvalidPatterns } from './pattern-table.ts';

const within = (value: unknown) => ({ detail: { field: [value] } });
const AT = '$.detail.field[0]';

describeInvalidPatterns('pattern structure', [
  { name: 'an array as the pattern', pattern: ['stratum.todo'], path: '$', reason: /must be a JSON object/ },
  { name: 'text that is not JSON', pattern: '{"source": ', path: '$', reason: /not valid JSON/ },
  {
    name: 'JSON text that is not an object',
    pattern: '"stratum.todo"',
    path: '$',
    reason: /must be a JSON object/,
  },
  { name: 'an empty pattern', pattern: {}, path: '$', reason: /empty objects are not allowed/ },
  { name: 'an empty nested object', pattern: { detail: {} }, path: '$.detail', reason: /empty objects/ },
  {
    name: 'a string instead of a value array',
    pattern: { source: 'stratum.todo' },
    path: '$.source',
    reason: /array of values or a nested object.*"source": \["stratum.todo"\]/,
  },
  {
    name: 'a number instead of a value array',
    pattern: { detail: { n: 5 } },
    path: '$.detail.n',
    reason: /array/,
  },
  { name: 'null instead of a value array', pattern: { detail: null }, path: '$.detail', reason: /got null/ },
  { name: 'an empty value array', pattern: { resources: [] }, path: '$.resources', reason: /empty arrays/ },
  { name: 'an array inside a value array', pattern: within(['x']), path: AT, reason: /a value must be/ },
  {
    name: 'a key that needs quoting in the path',
    pattern: { detail: { 'my key': 'x' } },
    path: '$.detail["my key"]',
    reason: /array/,
  },
]);

describeInvalidPatterns('operators', [
  {
    name: 'an unknown operator',
    pattern: within({ contains: 'x' }),
    path: AT,
    reason: /unknown operator "contains"/,
  },
  {
    name: 'an operator in the wrong case',
    pattern: within({ EXISTS: true }),
    path: AT,
    reason: /case-sensitive/,
  },
  {
    name: 'two operators in one object',
    pattern: within({ prefix: 'a', suffix: 'b' }),
    path: AT,
    reason: /one key/,
  },
  { name: 'an empty operator object', pattern: within({}), path: AT, reason: /got none/ },
  {
    name: 'a numeric prefix',
    pattern: within({ prefix: 123 }),
    path: `${AT}.prefix`,
    reason: /takes a string/,
  },
  {
    name: 'a list of prefixes',
    pattern: within({ prefix: ['a'] }),
    path: `${AT}.prefix`,
    reason: /takes a string/,
  },
  {
    name: 'a prefix with another nested operator',
    pattern: within({ prefix: { wildcard: 'a*' } }),
    path: `${AT}.prefix`,
    reason: /equals-ignore-case/,
  },
  {
    name: 'a numeric case-insensitive prefix',
    pattern: within({ prefix: { 'equals-ignore-case': 5 } }),
    path: `${AT}.prefix.equals-ignore-case`,
    reason: /takes a string/,
  },
  {
    name: 'a numeric suffix',
    pattern: within({ suffix: 7 }),
    path: `${AT}.suffix`,
    reason: /takes a string/,
  },
  {
    name: 'a list for equals-ignore-case',
    pattern: within({ 'equals-ignore-case': ['a'] }),
    path: `${AT}.equals-ignore-case`,
    reason: /takes a string/,
  },
  {
    name: 'a numeric wildcard',
    pattern: within({ wildcard: 1 }),
    path: `${AT}.wildcard`,
    reason: /takes a string/,
  },
  {
    name: 'consecutive wildcards',
    pattern: within({ wildcard: 'arn:aws:events:*:**:event-bus/*' }),
    path: `${AT}.wildcard`,
    reason: /consecutive wildcard characters at position 17/,
  },
  {
    name: 'an escape of an ordinary character',
    pattern: within({ wildcard: 'a\\b*' }),
    path: `${AT}.wildcard`,
    reason: /invalid escape at position 1/,
  },
  {
    name: 'a trailing backslash',
    pattern: within({ wildcard: 'a*\\' }),
    path: `${AT}.wildcard`,
    reason: /escape/,
  },
  {
    name: 'exists with a string',
    pattern: within({ exists: 'true' }),
    path: `${AT}.exists`,
    reason: /true or false/,
  },
]);

describeInvalidPatterns('$or', [
  { name: 'an object instead of an array', pattern: { $or: { a: ['x'] } }, path: '$.$or', reason: /array/ },
  { name: 'a single alternative', pattern: { $or: [{ a: ['x'] }] }, path: '$.$or', reason: /at least two/ },
  {
    name: 'a non-object alternative',
    pattern: { $or: [{ a: ['x'] }, ['b']] },
    path: '$.$or[1]',
    reason: /object/,
  },
  {
    name: 'an operator used as a field name',
    pattern: { $or: [{ prefix: ['a'] }, { b: ['c'] }] },
    path: '$.$or[0].prefix',
    reason: /reserved/,
  },
  {
    name: 'an operator used as a deeper field name',
    pattern: { detail: { $or: [{ x: { numeric: ['>', 1] } }, { b: ['c'] }] } },
    path: '$.detail.$or[0].x.numeric',
    reason: /reserved/,
  },
  {
    name: 'an invalid value inside an alternative',
    pattern: { detail: { $or: [{ a: ['x'] }, { b: [] }] } },
    path: '$.detail.$or[1].b',
    reason: /empty arrays/,
  },
]);

function nestedPattern(levels: number): Record<string, unknown> {
  let pattern: Record<string, unknown> = { leaf: ['x'] };
  for (let i = 1; i < levels; i++) pattern = { n: pattern };
  return pattern;
}

describe('limits and error shape', () => {
  it(`accepts ${MAX_PATTERN_DEPTH} levels of nesting and refuses one more`, () => {
    expect(() => compilePattern(nestedPattern(MAX_PATTERN_DEPTH))).not.toThrow();
    expect(() => compilePattern(nestedPattern(MAX_PATTERN_DEPTH + 1))).toThrowError(
      expect.objectContaining({ name: 'EventPatternError', reason: expect.stringMatching(/nests deeper/) }),
    );
  });

  it('is an Error whose message names the path and the reason', () => {
    const error = (() => {
      try {
        compilePattern({ detail: { count: [{ numeric: ['>', 'ten'] }] } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(EventPatternError);
    expect((error as Error).message).toBe(
      'Event pattern is not valid at $.detail.count[0].numeric[1]: the value of > must be a JSON number, got "ten"',
    );
  });

  it('accepts the pattern as JSON text, as PutRule receives it', () => {
    const rule = compilePattern('{"detail": {"count": [{"numeric": [">", 0, "<=", 5]}]}}');
    expect(rule.source).toEqual({ detail: { count: [{ numeric: ['>', 0, '<=', 5] }] } });
    expect(matches(rule, { detail: { count: 5 } })).toBe(true);
    expect(matches(rule, { detail: { count: 6 } })).toBe(false);
  });
});
