/** Base of the gateway's own errors. */
export class GatewayError extends Error {
  override readonly name: string = 'GatewayError';
}

/**
 * The HTTP request cannot be run as a GraphQL operation (wrong method, not JSON, too large,
 * no principal). Answered with `status` and a GraphQL-shaped error body.
 */
export class RequestRejectedError extends GatewayError {
  override readonly name = 'RequestRejectedError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** A subgraph Lambda could not answer: invoke failed, timed out, threw, or returned garbage. */
export class SubgraphInvocationError extends GatewayError {
  override readonly name = 'SubgraphInvocationError';
  constructor(
    readonly subgraph: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`Subgraph ${subgraph}: ${message}`, options);
  }
}
