import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  InvalidRequestContentException,
  InvokeCommand,
  LambdaClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvokeApiHandler, type InvocationResult } from '../../src/lambda/index.ts';
import { HandlerFixtures, testRunner } from './handler-fixtures.ts';

const fixtures = new HandlerFixtures();
const { runner, logs } = testRunner();
const asyncResults: InvocationResult[] = [];
const server = createServer(
  createInvokeApiHandler(runner, { onAsyncResult: (_, result) => asyncResults.push(result) }),
);
let endpoint = '';
let lambda: LambdaClient;

beforeAll(async () => {
  runner.deploy({
    functionName: 'echo',
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    codeDir: fixtures.codeDir('echo', {
      'index.mjs': `export const handler = async (event, context) => {
        console.log('echoing', JSON.stringify(event));
        if (event.fail) throw new Error('asked to fail');
        return { event, requestId: context.awsRequestId, clientContext: context.clientContext };
      };`,
    }),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  lambda = new LambdaClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  lambda.destroy();
  server.close();
  await runner.close();
  fixtures.remove();
});

const payloadOf = (bytes: Uint8Array | undefined) => JSON.parse(Buffer.from(bytes ?? []).toString('utf8'));

describe('the Lambda Invoke API through the AWS SDK', () => {
  it('RequestResponse returns the payload, version, request id and tail log', async () => {
    const output = await lambda.send(
      new InvokeCommand({
        FunctionName: 'echo',
        Payload: JSON.stringify({ hello: 'world' }),
        LogType: 'Tail',
        ClientContext: Buffer.from(JSON.stringify({ custom: { tenant: 't1' } })).toString('base64'),
      }),
    );
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBeUndefined();
    expect(output.ExecutedVersion).toBe('$LATEST');
    const body = payloadOf(output.Payload);
    expect(body).toMatchObject({ event: { hello: 'world' }, clientContext: { custom: { tenant: 't1' } } });
    expect(output.$metadata.requestId).toBe(body.requestId);
    const tail = Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
    expect(tail).toContain(`START RequestId: ${body.requestId} Version: $LATEST`);
    expect(tail).toContain('echoing {"hello":"world"}');
    expect(tail).toMatch(/REPORT RequestId: \S+\tDuration: [\d.]+ ms/);
  });

  it('accepts the function ARN and a $LATEST qualifier; an empty payload is {}', async () => {
    const output = await lambda.send(
      new InvokeCommand({ FunctionName: runner.arnOf('echo'), Qualifier: '$LATEST' }),
    );
    expect(payloadOf(output.Payload).event).toEqual({});
  });

  it('sets X-Amz-Function-Error: Unhandled on a function error, with the error as payload', async () => {
    const output = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: '{"fail":true}' }));
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBe('Unhandled');
    expect(payloadOf(output.Payload)).toMatchObject({ errorType: 'Error', errorMessage: 'asked to fail' });
  });

  it('Event answers 202 at once and runs the function in the background', async () => {
    const before = asyncResults.length;
    const output = await lambda.send(
      new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Event', Payload: '{"async":1}' }),
    );
    expect(output.StatusCode).toBe(202);
    expect(output.Payload?.length ?? 0).toBe(0);
    await expect.poll(() => asyncResults.length).toBe(before + 1);
    expect(JSON.parse(asyncResults.at(-1)?.payload ?? '{}').event).toEqual({ async: 1 });
    expect(logs.some((record) => record.message === 'echoing {"async":1}')).toBe(true);
  });

  it('DryRun answers 204 without running the function', async () => {
    const lines = logs.length;
    const output = await lambda.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'DryRun' }));
    expect(output.StatusCode).toBe(204);
    expect(logs.length).toBe(lines);
  });

  it('an unknown function (or qualifier) is a 404 ResourceNotFoundException', async () => {
    const error = await lambda
      .send(new InvokeCommand({ FunctionName: 'nobody' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    expect((error as ResourceNotFoundException).message).toBe(
      'Function not found: arn:aws:lambda:eu-west-1:123456789012:function:nobody',
    );
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'echo', Qualifier: 'live' }))).rejects.toThrow(
      ResourceNotFoundException,
    );
  });

  it('a payload that is not JSON is an InvalidRequestContentException', async () => {
    const error = await lambda
      .send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{not json') }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestContentException);
    expect((error as Error).message).toMatch(/^Could not parse request body into json/);
  });
});

describe('the Invoke API over plain HTTP', () => {
  const invoke = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${endpoint}/2015-03-31/functions/echo/invocations`, { method: 'POST', body, headers });

  it('refuses a payload over 6 MB with 413, and an Event payload over 1 MB', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(6 * 1024 * 1024) });
    const tooBig = await invoke(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('x-amzn-errortype')).toBe('RequestTooLargeException');
    const eventTooBig = await invoke(JSON.stringify({ blob: 'x'.repeat(1024 * 1024) }), {
      'X-Amz-Invocation-Type': 'Event',
    });
    expect(eventTooBig.status).toBe(413);
    expect((await invoke(JSON.stringify({ blob: 'x'.repeat(5 * 1024 * 1024) }))).status).toBe(200);
  });

  it('refuses an unknown invocation type and an unknown operation', async () => {
    const badType = await invoke('{}', { 'X-Amz-Invocation-Type': 'Sometimes' });
    expect(badType.status).toBe(400);
    expect(badType.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
    const unknown = await fetch(`${endpoint}/2015-03-31/functions/echo`, { method: 'GET' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });
});
