/**
 * The EventBridge bus emulator's errors. Definition errors stop `npm start` with the resource and
 * every problem found in it; PutEvents problems never throw: they become per-entry error codes or
 * the `ValidationException` EventBridge answers with.
 */
export class EventBusEmulatorError extends Error {
  override readonly name: string = 'EventBusEmulatorError';
}

/** Properties of a bus, rule or archive that EventBridge would reject, or that are not emulated. */
export class EventsDefinitionError extends EventBusEmulatorError {
  override readonly name = 'EventsDefinitionError';
  constructor(
    readonly resource: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`${resource}: ${problems.join('; ')}`, options);
  }
}

/** A rule, archive, replay or target names a bus (or archive) that was never created. */
export class UnknownEventsResourceError extends EventBusEmulatorError {
  override readonly name = 'UnknownEventsResourceError';
  constructor(
    readonly kind: string,
    readonly id: string,
    known: readonly string[],
  ) {
    super(`unknown ${kind} "${id}" (known: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
}

/** A whole PutEvents request EventBridge refuses (too many entries, too large): HTTP 400. */
export class PutEventsValidationError extends EventBusEmulatorError {
  override readonly name = 'PutEventsValidationError';
  /** The AWS error type the API answers with. */
  readonly code = 'ValidationException';
}

/**
 * What a `TargetDispatcher` throws when a target refuses an event. `code` becomes the DLQ's
 * `ERROR_CODE` attribute; `retryable: false` (a missing function, a denied call) skips the retries,
 * as EventBridge does for errors that retrying cannot fix.
 */
export class TargetDeliveryError extends EventBusEmulatorError {
  override readonly name = 'TargetDeliveryError';
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, options?: { retryable?: boolean; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.code = code;
    this.retryable = options?.retryable ?? true;
  }
}
