import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../src/index.ts';
import { dueRange, dueSortKey } from '../src/keys.ts';
import { dueDateSchema, emailSchema, newTodoSchema, parseInput, todoQuerySchema } from '../src/validation.ts';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataValidationError) return error.field;
    throw error;
  }
  return null;
};

describe('input validation', () => {
  it('accepts real dates only', () => {
    expect(dueDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(dueDateSchema.safeParse('2027-02-29').success).toBe(false);
    expect(dueDateSchema.safeParse('2027-13-01').success).toBe(false);
    expect(dueDateSchema.safeParse('2027-1-01').success).toBe(false);
  });

  it('normalizes e-mail to lower case and rejects non-addresses', () => {
    expect(emailSchema.parse(' Ann@Example.COM ')).toBe('ann@example.com');
    expect(emailSchema.safeParse('ann@').success).toBe(false);
  });

  it('names the failing field with its path', () => {
    expect(fieldOf(() => parseInput(newTodoSchema, { title: 'ok', tags: ['a', ''] }, 'input'))).toBe(
      'input.tags.1',
    );
    expect(fieldOf(() => parseInput(newTodoSchema, { title: 'x'.repeat(200) }, 'input'))).toBeNull();
    expect(
      fieldOf(() => parseInput(todoQuerySchema, { dueFrom: '2030-02-01', dueTo: '2030-01-01' }, 'query')),
    ).toBe('query.dueTo');
    expect(fieldOf(() => parseInput(todoQuerySchema, { limit: 1.5 }, 'query'))).toBe('query.limit');
  });

  it('defaults the page size to 20', () => {
    expect(parseInput(todoQuerySchema, {}, 'query').limit).toBe(20);
  });
});

describe('due-date sort keys', () => {
  it('keeps todos without a due date outside every date range', () => {
    const [from, to] = dueRange(undefined, undefined);
    const none = dueSortKey(null, '01J0000000000000000000000A');
    const dated = dueSortKey('9999-12-31', '01J0000000000000000000000A');
    expect(none > to).toBe(true);
    expect(dated >= from && dated <= to).toBe(true);
  });
});
