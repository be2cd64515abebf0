/**
 * The media processor's errors. The rule that keeps the pipeline from looping: a problem with the
 * file itself is a `MediaRejectedError` — caught, recorded on the item as `failed` with its reason,
 * never rethrown. Anything else (S3, DynamoDB, MediaConvert throttling) propagates, so that the
 * invocation fails and Lambda's bounded retries, then the DLQ, take over.
 */
export class MediaProcessorError extends Error {
  override readonly name: string = 'MediaProcessorError';
}

/** The upload can never be processed; `reason` is written for the user who uploaded it. */
export class MediaRejectedError extends MediaProcessorError {
  override readonly name = 'MediaRejectedError';
  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}

/** An event this function cannot read; it is logged and dropped (a retry would not change it). */
export class InvalidEventError extends MediaProcessorError {
  override readonly name = 'InvalidEventError';
  constructor(
    readonly issues: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`Invalid event: ${issues.join('; ')}`, options);
  }
}
