import type { AuthorizerDefinition } from './api-definition.ts';
import { AuthorizerCache } from './authorizer-cache.ts';
import type { FunctionInvoker } from './function-invoker.ts';
import { describeError, isRecord } from './proxy-result.ts';
import { invokeWithin } from './timed-invocation.ts';

/** API Gateway waits this long for a Lambda authorizer. */
export const AUTHORIZER_TIMEOUT_MILLIS = 10_000;

export type AuthorizationOutcome =
  | { readonly kind: 'allow'; readonly context: Readonly<Record<string, unknown>>; readonly cached: boolean }
  | { readonly kind: 'deny'; readonly cached: boolean }
  | { readonly kind: 'error'; readonly message: string };

/**
 * A Lambda REQUEST authorizer with simple responses (`{ isAuthorized, context }`), payload 2.0.
 * Verdicts are cached per identity-source values for `AuthorizerResultTtlInSeconds`.
 */
export class LambdaRequestAuthorizer {
  private readonly cache: AuthorizerCache;

  constructor(
    readonly definition: AuthorizerDefinition,
    private readonly invoker: FunctionInvoker,
    now: () => number,
  ) {
    this.cache = new AuthorizerCache(definition.resultTtlSeconds * 1000, now);
  }

  /**
   * @param identity the identity-source values (already checked present)
   * @param event the authorizer event; only built into a call when the cache has no verdict
   */
  async authorize(identity: readonly string[], event: () => unknown): Promise<AuthorizationOutcome> {
    const cached = this.cache.get(identity);
    if (cached) {
      return cached.isAuthorized
        ? { kind: 'allow', context: cached.context ?? {}, cached: true }
        : { kind: 'deny', cached: true };
    }
    const outcome = await invokeWithin(
      this.invoker,
      this.definition.functionName,
      event(),
      AUTHORIZER_TIMEOUT_MILLIS,
    );
    if (outcome.kind === 'timeout') {
      return { kind: 'error', message: `authorizer timed out after ${AUTHORIZER_TIMEOUT_MILLIS} ms` };
    }
    if (outcome.kind === 'failed') {
      return { kind: 'error', message: `authorizer invocation failed: ${outcome.error}` };
    }
    const { payload, functionError } = outcome.result;
    if (functionError) {
      return { kind: 'error', message: `authorizer function error: ${describeError(payload)}` };
    }
    if (!isRecord(payload) || typeof payload.isAuthorized !== 'boolean') {
      return {
        kind: 'error',
        message: `authorizer answer is not a simple response ({ isAuthorized: boolean, context? }): ${JSON.stringify(payload)}`,
      };
    }
    if (payload.context !== undefined && !isRecord(payload.context)) {
      return { kind: 'error', message: 'authorizer context must be an object' };
    }
    const context = payload.context ?? {};
    this.cache.set(identity, { isAuthorized: payload.isAuthorized, context });
    return payload.isAuthorized ? { kind: 'allow', context, cached: false } : { kind: 'deny', cached: false };
  }
}
