// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Media } from '../src/media/media-api.ts';
import { waitUntilProcessed } from '../src/media/wait-until-processed.ts';

const media = (status: Media['status']): Media => ({
  id: 'm1',
  todoId: 't1',
  contentType: 'image/png',
  size: 1000,
  status,
  failureReason: null,
  originalUrl: null,
  thumbnailUrl: null,
  renditions: [],
  createdAt: '2030-01-01T00:00:00Z',
});

describe('waitUntilProcessed', () => {
  it('reads with exponential back-off until the item settles, reporting each state', async () => {
    const answers = [media('PENDING'), media('PROCESSING'), media('PROCESSING'), media('READY')];
    const delays: number[] = [];
    const seen: string[] = [];
    const result = await waitUntilProcessed(
      async () => answers.shift() ?? media('FAILED'),
      (item) => seen.push(item.status),
      { initialDelayMs: 500, maxDelayMs: 2000, sleep: async (ms) => void delays.push(ms) },
    );
    expect(result.status).toBe('READY');
    expect(seen).toEqual(['PENDING', 'PROCESSING', 'PROCESSING', 'READY']);
    expect(delays).toEqual([500, 1000, 2000, 2000]);
  });

  it('gives up at the time-out with the last state', async () => {
    let clock = 0;
    const result = await waitUntilProcessed(
      async () => media('PROCESSING'),
      () => undefined,
      {
        timeoutMs: 10_000,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      },
    );
    expect(result.status).toBe('PROCESSING');
    expect(clock).toBeGreaterThanOrEqual(10_000);
  });
});
