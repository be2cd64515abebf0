/**
 * The API Gateway emulator's errors. Definition errors stop `npm start` with the resource and
 * the property to change; request-time failures never throw to the client: they become the
 * status codes API Gateway answers with.
 */
export class ApiGatewayEmulatorError extends Error {
  override readonly name: string = 'ApiGatewayEmulatorError';
}

/** A resource's properties that API Gateway would reject, or that the emulator does not model. */
export class ApiDefinitionError extends ApiGatewayEmulatorError {
  override readonly name = 'ApiDefinitionError';
  constructor(
    readonly resource: string,
    readonly problems: readonly string[],
  ) {
    super(`${resource}: ${problems.join('; ')}`);
  }
}

/** A route, integration or authorizer names an API (or a part of one) that was never created. */
export class UnknownApiResourceError extends ApiGatewayEmulatorError {
  override readonly name = 'UnknownApiResourceError';
  constructor(
    readonly kind: string,
    readonly id: string,
    known: readonly string[],
  ) {
    super(`unknown ${kind} "${id}" (known: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
}
