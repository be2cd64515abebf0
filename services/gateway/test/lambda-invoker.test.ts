import type { InvokeCommand, InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { createLambdaInvoker } from '../src/execution/lambda-invoker.ts';
import { SubgraphInvocationError } from '../src/gateway-error.ts';
import type { SubgraphInvocation } from '../src/protocol/index.ts';

const invocation: SubgraphInvocation = {
  query: '{ me { id } }',
  principal: { principalType: 'customer', userId: 'u1', tenantId: 't1', groups: [] },
  correlationId: 'c1',
};

function stubClient(
  answer: (command: InvokeCommand, signal?: AbortSignal) => Promise<Partial<InvokeCommandOutput>>,
) {
  const sent: InvokeCommand[] = [];
  return {
    sent,
    client: {
      send: async (command: InvokeCommand, options?: { abortSignal?: AbortSignal }) => {
        sent.push(command);
        return (await answer(command, options?.abortSignal)) as InvokeCommandOutput;
      },
    },
  };
}

/** Lambda answers with a Uint8Array (the SDK's blob adapter extends it). */
const bytes = (text: string) => new TextEncoder().encode(text) as InvokeCommandOutput['Payload'];
const json = (value: unknown) => bytes(JSON.stringify(value));

describe('Lambda invoker', () => {
  it('invokes the function mapped to the subgraph, synchronously, with the JSON invocation', async () => {
    const { client, sent } = stubClient(async () => ({
      StatusCode: 200,
      Payload: json({ data: { me: { id: 'u1' } } }),
    }));
    const invoke = createLambdaInvoker({
      client,
      functionNames: { users: 'stratum-dev-users' },
      timeoutMs: 1000,
    });
    await expect(invoke('users', invocation)).resolves.toEqual({ data: { me: { id: 'u1' } } });
    expect(sent[0]?.input.FunctionName).toBe('stratum-dev-users');
    expect(sent[0]?.input.InvocationType).toBe('RequestResponse');
    expect(JSON.parse(new TextDecoder().decode(sent[0]?.input.Payload as Uint8Array))).toEqual(invocation);
  });

  it('turns a FunctionError (crash, timeout) into SubgraphInvocationError', async () => {
    const { client } = stubClient(async () => ({
      StatusCode: 200,
      FunctionError: 'Unhandled',
      Payload: json({ errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 10.00 seconds' }),
    }));
    const invoke = createLambdaInvoker({ client, functionNames: { users: 'f' }, timeoutMs: 1000 });
    const failure = invoke('users', invocation);
    await expect(failure).rejects.toBeInstanceOf(SubgraphInvocationError);
    await expect(failure).rejects.toThrow(/^Subgraph users: function error \(Unhandled\).*Sandbox\.Timedout/);
  });

  it('aborts an invocation that outlives the timeout', async () => {
    const { client } = stubClient(
      (_, signal) =>
        new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
        ),
    );
    const invoke = createLambdaInvoker({ client, functionNames: { todo: 'f' }, timeoutMs: 100 });
    await expect(invoke('todo', invocation)).rejects.toBeInstanceOf(SubgraphInvocationError);
  });

  it('refuses an unknown subgraph and a non-JSON answer', async () => {
    const { client } = stubClient(async () => ({
      StatusCode: 200,
      Payload: bytes('<html>'),
    }));
    const invoke = createLambdaInvoker({ client, functionNames: { todo: 'f' }, timeoutMs: 1000 });
    await expect(invoke('media', invocation)).rejects.toThrow(/no function is configured/);
    await expect(invoke('todo', invocation)).rejects.toThrow(/not JSON/);
  });
});
