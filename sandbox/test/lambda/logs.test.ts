import { afterAll, describe, expect, it } from 'vitest';
import { HandlerFixtures, testRunner } from './handler-fixtures.ts';

const fixtures = new HandlerFixtures();
const { runner, logs } = testRunner();
afterAll(async () => {
  await runner.close();
  fixtures.remove();
});

describe('function logs', () => {
  it('tags every line with its function and request id, parses JSON lines, and returns them with the result', async () => {
    runner.deploy({
      functionName: 'chatty',
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      codeDir: fixtures.codeDir('chatty', {
        'index.mjs': `console.log('cold start');
        export const handler = async (event, context) => {
          console.log('plain line', event.n);
          process.stdout.write(JSON.stringify({ level: 'INFO', message: 'structured', correlation_id: event.id, function_request_id: context.awsRequestId }) + '\\n');
          console.error('to stderr\\nsecond line');
          process.stdout.write('no line break at the end');
          await new Promise((resolve) => setTimeout(resolve, 5));
          return 'ok';
        };`,
      }),
    });
    const first = await runner.invoke('chatty', { event: { n: 1, id: 'c-1' } });
    const second = await runner.invoke('chatty', { event: { n: 2, id: 'c-2' } });

    // Order holds within each stream; stdout and stderr are two pipes, read as they come.
    const lines = (logs: typeof first.logs, stream: string) =>
      logs
        .filter((record) => record.stream === stream)
        .map((record) => [record.message, record.awsRequestId]);
    expect(lines(first.logs, 'stdout')).toEqual([
      ['cold start', undefined],
      ['plain line 1', first.awsRequestId],
      [expect.stringContaining('"structured"'), first.awsRequestId],
      ['no line break at the end', first.awsRequestId],
    ]);
    expect(lines(first.logs, 'stderr')).toEqual([
      ['to stderr', first.awsRequestId],
      ['second line', first.awsRequestId],
    ]);
    const structured = first.logs.find((record) => record.message.includes('"structured"'));
    expect(structured?.json).toEqual({
      level: 'INFO',
      message: 'structured',
      correlation_id: 'c-1',
      function_request_id: first.awsRequestId,
    });
    expect(first.logs.find((record) => record.message === 'plain line 1')?.json).toBeUndefined();
    expect(second.logs.map((record) => record.awsRequestId)).toEqual(Array(5).fill(second.awsRequestId));
    expect(lines(second.logs, 'stdout')[0]).toEqual(['plain line 2', second.awsRequestId]);

    // The sink saw the same lines, as they arrived, each tagged with its function.
    const sunk = logs.filter((record) => record.functionName === 'chatty');
    expect(sunk).toHaveLength(11);
    expect(sunk.every((record) => typeof record.timestamp === 'number')).toBe(true);
  });

  it('keeps the lines of concurrent invocations of different functions apart', async () => {
    for (const name of ['left', 'right']) {
      runner.deploy({
        functionName: name,
        handler: 'index.handler',
        runtime: 'nodejs22.x',
        codeDir: fixtures.codeDir(name, {
          'index.mjs': `export const handler = async (event) => {
            for (let i = 0; i < 20; i++) { console.log('${name}', i); await new Promise((r) => setTimeout(r, 1)); }
            return null;
          };`,
        }),
      });
    }
    const [left, right] = await Promise.all([
      runner.invoke('left', { event: {} }),
      runner.invoke('right', { event: {} }),
    ]);
    expect(left.logs).toHaveLength(20);
    expect(
      left.logs.every(
        (record) => record.message.startsWith('left') && record.awsRequestId === left.awsRequestId,
      ),
    ).toBe(true);
    expect(
      right.logs.every((record) => record.message.startsWith('right') && record.functionName === 'right'),
    ).toBe(true);
  });
});
