import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidFunctionDefinitionError } from '../../src/lambda/index.ts';
import { HandlerFixtures, parsed, testRunner } from './handler-fixtures.ts';

const fixtures = new HandlerFixtures();
const { runner } = testRunner();

const REPORTER = `
export const handler = async (event, context) => {
  await new Promise((resolve) => setTimeout(resolve, event.waitMs ?? 0));
  return {
    env: { ...process.env },
    cwd: process.cwd(),
    execArgv: process.execArgv,
    heapLimitMb: (await import('node:v8')).getHeapStatistics().heap_size_limit / 1048576,
    remaining: context.getRemainingTimeInMillis(),
    context: { ...context, hasIdentity: 'identity' in context },
    offset: new Date().getTimezoneOffset(),
  };
};`;

let codeDir = '';
beforeAll(() => {
  process.env.STRATUM_PARENT_ONLY = 'must-not-leak';
  codeDir = fixtures.codeDir('reporter', { 'index.mjs': REPORTER });
  runner.deploy({
    functionName: 'reporter',
    handler: 'index.handler',
    codeDir,
    runtime: 'nodejs22.x',
    memoryMb: 256,
    timeoutSeconds: 5,
    environment: { TABLE_NAME: 'todo-table', POWERTOOLS_SERVICE_NAME: 'todo' },
  });
});
afterAll(async () => {
  delete process.env.STRATUM_PARENT_ONLY;
  await runner.close();
  fixtures.remove();
});

interface Report {
  env: Record<string, string>;
  cwd: string;
  execArgv: string[];
  heapLimitMb: number;
  remaining: number;
  offset: number;
  context: Record<string, unknown>;
}

describe('the function environment', () => {
  it("holds the function's variables and Lambda's, and nothing of the sandbox's process", async () => {
    const { env, cwd } = parsed<Report>(await runner.invoke('reporter', { event: {} }));
    expect(env.STRATUM_PARENT_ONLY).toBeUndefined();
    expect(env.HOME).toBeUndefined();
    expect(env.VITEST).toBeUndefined();
    expect(env).toMatchObject({
      TABLE_NAME: 'todo-table',
      POWERTOOLS_SERVICE_NAME: 'todo',
      AWS_LAMBDA_FUNCTION_NAME: 'reporter',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/reporter',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      LAMBDA_TASK_ROOT: codeDir,
      _HANDLER: 'index.handler',
      TZ: ':UTC',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
      AWS_ACCESS_KEY_ID: 'AKIDSANDBOX',
      AWS_SECRET_ACCESS_KEY: 'sandbox-secret',
      AWS_SESSION_TOKEN: 'sandbox-token',
    });
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(env._X_AMZN_TRACE_ID).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    expect(cwd).toBe(codeDir);
  });

  it('runs in UTC with a heap limited by the memory setting', async () => {
    const report = parsed<Report>(await runner.invoke('reporter', { event: {} }));
    expect(report.offset).toBe(0);
    expect(report.execArgv).toContain('--max-old-space-size=231');
    expect(report.heapLimitMb).toBeLessThan(300);
  });

  it('refuses reserved variables and out-of-range settings in one error', () => {
    const attempt = () =>
      runner.deploy({
        functionName: 'bad',
        handler: 'index.handler',
        codeDir,
        runtime: 'python3.12',
        timeoutSeconds: 901,
        environment: { AWS_REGION: 'us-east-1', _HANDLER: 'x.y' },
      });
    expect(attempt).toThrow(InvalidFunctionDefinitionError);
    expect(attempt).toThrow(/python3\.12.*timeout 901 s.*reserved by Lambda: AWS_REGION, _HANDLER/);
  });
});

describe('the context object', () => {
  it("carries Lambda's fields, and the remaining time counts down from the timeout", async () => {
    const result = await runner.invoke('reporter', {
      event: { waitMs: 200 },
      awsRequestId: '6f4b8c1e-0000-4000-8000-000000000001',
      clientContext: { client: { app_title: 'web' } },
    });
    const { context, remaining, env } = parsed<Report>(result);
    expect(context).toEqual({
      callbackWaitsForEmptyEventLoop: true,
      functionName: 'reporter',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:reporter',
      memoryLimitInMB: '256',
      awsRequestId: '6f4b8c1e-0000-4000-8000-000000000001',
      logGroupName: '/aws/lambda/reporter',
      logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
      clientContext: { client: { app_title: 'web' } },
      hasIdentity: true,
    });
    expect(remaining).toBeLessThanOrEqual(5000 - 200);
    expect(remaining).toBeGreaterThan(5000 - 1500);
  });

  it('gives each invocation a new request id by default', async () => {
    const first = await runner.invoke('reporter', { event: {} });
    const second = await runner.invoke('reporter', { event: {} });
    const ids = [first, second].map((result) => parsed<Report>(result).context.awsRequestId);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids).toEqual([first.awsRequestId, second.awsRequestId]);
  });
});
