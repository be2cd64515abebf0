/**
 * The CloudFront emulator's errors. Definition errors stop `npm start` with the resource and the
 * property to change; request-time failures never throw to the viewer: they become the status
 * codes CloudFront answers with (502, 503, 504).
 */
export class CloudFrontEmulatorError extends Error {
  override readonly name: string = 'CloudFrontEmulatorError';
}

/** A resource's properties that CloudFront would reject, or that the emulator does not model. */
export class CloudFrontDefinitionError extends CloudFrontEmulatorError {
  override readonly name = 'CloudFrontDefinitionError';
  constructor(
    readonly resource: string,
    readonly problems: readonly string[],
  ) {
    super(`${resource}: ${problems.join('; ')}`);
  }
}

/** A distribution names a policy or function that was neither created nor managed by AWS. */
export class UnknownCloudFrontResourceError extends CloudFrontEmulatorError {
  override readonly name = 'UnknownCloudFrontResourceError';
  constructor(
    readonly kind: string,
    readonly id: string,
    known: readonly string[],
  ) {
    super(`unknown ${kind} "${id}" (known: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
}

/** An edge function (CloudFront Function or Lambda@Edge) threw or returned something CloudFront refuses. */
export class EdgeFunctionError extends CloudFrontEmulatorError {
  override readonly name = 'EdgeFunctionError';
  constructor(
    readonly functionName: string,
    readonly eventType: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${functionName} (${eventType}): ${message}`, options);
  }
}
