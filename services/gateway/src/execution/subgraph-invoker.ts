import type { SubgraphInvocation } from '../protocol/index.ts';

/**
 * Sends one invocation to the named subgraph and returns its decoded JSON answer. Throws
 * SubgraphInvocationError when the subgraph cannot answer. The production implementation is
 * the Lambda Invoke API (lambda-invoker.ts); tests pass one that calls the handlers in-process.
 */
export type InvokeSubgraph = (subgraph: string, invocation: SubgraphInvocation) => Promise<unknown>;
