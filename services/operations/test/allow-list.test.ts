import { describe, expect, it } from 'vitest';
import { deadLetterQueueListSchema } from '../src/queues/dead-letter-queue-list.ts';
import { ENTRIES } from './support/queues.ts';

describe('DEAD_LETTER_QUEUES', () => {
  it('accepts the list infra writes', () => {
    expect(deadLetterQueueListSchema.parse(JSON.stringify(ENTRIES))).toEqual(ENTRIES);
  });

  it('names what is wrong: not JSON, duplicate names, a redrivable queue without its source', () => {
    expect(deadLetterQueueListSchema.safeParse('[{').error?.issues[0]?.message).toBe('not JSON');
    const twice = JSON.stringify([ENTRIES[0], ENTRIES[0]]);
    expect(deadLetterQueueListSchema.safeParse(twice).error?.issues[0]?.message).toBe(
      'queue names must be unique',
    );
    const { functionArns: _, ...withoutSource } = ENTRIES[1] as (typeof ENTRIES)[number];
    const issue = deadLetterQueueListSchema.safeParse(JSON.stringify([withoutSource])).error?.issues[0];
    expect(issue?.path).toEqual([0, 'functionArns']);
    expect(issue?.message).toMatch(/lambda-async queue needs the ARNs of the functions/);
    const qualified = JSON.stringify([
      { ...ENTRIES[1], functionArns: [`${ENTRIES[1]?.functionArns?.[0]}:$LATEST`] },
    ]);
    expect(deadLetterQueueListSchema.safeParse(qualified).success).toBe(false);
    const wrongKind = JSON.stringify([
      { ...ENTRIES[0], sourceArn: 'arn:aws:lambda:eu-west-1:111122223333:function:f' },
    ]);
    expect(deadLetterQueueListSchema.safeParse(wrongKind).success).toBe(false);
    expect(deadLetterQueueListSchema.safeParse('[]').success).toBe(false);
  });
});
