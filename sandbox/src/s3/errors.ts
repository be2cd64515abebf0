/**
 * The S3 front's errors. `S3Refusal` is a request S3 itself would refuse: it carries the XML error
 * S3 answers with. The others stop `npm start` (a bucket the templates define wrongly) or report an
 * engine that misbehaves.
 */
export class S3SandboxError extends Error {
  override readonly name: string = 'S3SandboxError';
}

/** A request S3 refuses: `code`, HTTP `status` and the extra elements of S3's `<Error>` document. */
export class S3Refusal extends S3SandboxError {
  override readonly name = 'S3Refusal';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

/** A bucket, notification or deployment definition S3 or CloudFormation would reject. */
export class S3DefinitionError extends S3SandboxError {
  override readonly name = 'S3DefinitionError';
  constructor(
    readonly resource: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`${resource}: ${problems.join('; ')}`, options);
  }
}

/** The S3 engine (fauxqs) failed a call the front made on its own behalf. */
export class S3UpstreamError extends S3SandboxError {
  override readonly name = 'S3UpstreamError';
  constructor(
    readonly operation: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation}: ${message}`, options);
  }
}

/** A notification that could not be delivered after S3's retries. */
export class NotificationDeliveryError extends S3SandboxError {
  override readonly name = 'NotificationDeliveryError';
  constructor(
    readonly destinationArn: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause);
    super(`delivery to ${destinationArn} failed after ${attempts} attempts: ${reason}`, options);
  }
}
