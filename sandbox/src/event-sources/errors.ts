/**
 * Errors of the event-source mappings, Pipes and Scheduler emulators. Definition errors stop
 * `npm start` with the resource and every problem found in it; runtime failures (a function error,
 * an engine that is down) are never thrown at the caller: the pollers log them and retry.
 */
export class EventSourceError extends Error {
  override readonly name: string = 'EventSourceError';
}

/** Properties AWS would reject, or that the sandbox does not emulate; lists every problem at once. */
export class EventSourceDefinitionError extends EventSourceError {
  override readonly name = 'EventSourceDefinitionError';
  constructor(
    readonly resource: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`${resource}: ${problems.join('; ')}`, options);
  }
}

/** A mapping, pipe or schedule that the caller names was never created. */
export class UnknownEventSourceResourceError extends EventSourceError {
  override readonly name = 'UnknownEventSourceResourceError';
  constructor(
    readonly kind: string,
    readonly id: string,
    known: readonly string[],
  ) {
    super(`unknown ${kind} "${id}" (known: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
}
