import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HandlerFixtures, isRunning } from './handler-fixtures.ts';

const fixtures = new HandlerFixtures();
afterAll(() => fixtures.remove());

const RUNNER_MODULE = fileURLToPath(new URL('../../src/lambda/index.ts', import.meta.url));
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A sandbox process whose one function prints its pid and then either spins (so only the
 * sandbox can end it) or returns (idle, warm). Once the pid is printed the sandbox ends without
 * calling close(): by `process.exit()` or by being killed outright.
 */
async function sandboxThatDies(how: 'exit' | 'SIGKILL'): Promise<number> {
  const codeDir = fixtures.codeDir(`orphan-${how}`, {
    'index.mjs': `export const handler = async (event) => {
      console.log(process.pid);
      if (event.spin) for (;;);
    };`,
    // .mts: the temporary folder has no package.json saying "type": "module".
    'sandbox.mts': `import { LambdaRunner } from ${JSON.stringify(RUNNER_MODULE)};
      const runner = new LambdaRunner({
        region: 'eu-west-1',
        accountId: '123456789012',
        logSink: (record) => {
          console.log(record.message);
          if (${how === 'exit'}) process.exit(0);
        },
      });
      runner.deploy({ functionName: 'f', handler: 'index.handler', codeDir: import.meta.dirname, runtime: 'nodejs22.x', timeoutSeconds: 60 });
      void runner.invoke('f', { event: { spin: ${how === 'exit'} } });
      setInterval(() => {}, 1000);`,
  });
  const sandbox = spawn(process.execPath, ['--import', 'tsx', `${codeDir}/sandbox.mts`], {
    cwd: REPOSITORY,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(sandbox, 'exit');
  let output = '';
  sandbox.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await expect.poll(() => output.includes('\n'), { timeout: 10_000 }).toBe(true);
  const pid = Number(output.trim());
  expect(isRunning(pid)).toBe(true);
  if (how === 'SIGKILL') sandbox.kill('SIGKILL');
  await exited;
  return pid;
}

describe('function processes never outlive the sandbox', () => {
  it('are killed when the sandbox exits without closing the runner, even mid-invocation', async () => {
    const pid = await sandboxThatDies('exit');
    await expect.poll(() => isRunning(pid), { timeout: 2000 }).toBe(false);
  });

  it('end by themselves when the sandbox is killed outright', async () => {
    const pid = await sandboxThatDies('SIGKILL');
    await expect.poll(() => isRunning(pid), { timeout: 2000 }).toBe(false);
  });
});
