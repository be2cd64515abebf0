import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvironmentError, readEnvironment } from '../src/environment.ts';

const schema = z.object({ TABLE_NAME: z.string().min(1), LIMIT: z.coerce.number().int().positive() });

describe('readEnvironment', () => {
  it('returns typed values', () => {
    expect(readEnvironment(schema, { TABLE_NAME: 't', LIMIT: '5' })).toEqual({ TABLE_NAME: 't', LIMIT: 5 });
  });

  it('names every bad variable in one error', () => {
    try {
      readEnvironment(schema, { LIMIT: '-1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvironmentError);
      const problems = (error as EnvironmentError).problems.join('\n');
      expect(problems).toContain('TABLE_NAME');
      expect(problems).toContain('LIMIT');
    }
  });
});
