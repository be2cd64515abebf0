import { InvokeCommand, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { SubgraphInvocationError } from '../gateway-error.ts';
import type { InvokeSubgraph } from './subgraph-invoker.ts';

export interface LambdaInvokerOptions {
  /** A `LambdaClient`; tests pass a stub with the same `send`. */
  readonly client: {
    send(command: InvokeCommand, options?: { abortSignal?: AbortSignal }): Promise<InvokeCommandOutput>;
  };
  /** Subgraph name (as in the supergraph's `lambda://<name>` URL) → function name or ARN. */
  readonly functionNames: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Invokes subgraph Lambdas synchronously with the Invoke API (IAM-signed; no subgraph has a
 * public endpoint). A function error (the handler threw, ran out of time or memory) is reported
 * by Lambda in `FunctionError` with a 200 status, so it is checked explicitly.
 */
export function createLambdaInvoker(options: LambdaInvokerOptions): InvokeSubgraph {
  return async (subgraph, invocation) => {
    const functionName = options.functionNames[subgraph];
    if (!functionName) throw new SubgraphInvocationError(subgraph, 'no function is configured for it.');
    let output: InvokeCommandOutput;
    try {
      output = await options.client.send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'RequestResponse',
          Payload: encoder.encode(JSON.stringify(invocation)),
        }),
        { abortSignal: AbortSignal.timeout(options.timeoutMs) },
      );
    } catch (error) {
      throw new SubgraphInvocationError(subgraph, `invoke failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const text = output.Payload ? decoder.decode(output.Payload) : '';
    if (output.FunctionError) {
      throw new SubgraphInvocationError(
        subgraph,
        `function error (${output.FunctionError}): ${text.slice(0, 1000)}`,
      );
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SubgraphInvocationError(subgraph, 'answer is not JSON.', { cause: error });
    }
  };
}
