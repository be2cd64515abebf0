/** The due-soon function's errors. */
export class DueSoonError extends Error {
  override readonly name: string = 'DueSoonError';
}

/**
 * Some events could not be published after every retry. Their markers were released, so the
 * next scheduled run tries them again; the invocation fails so that the failure is visible
 * (Scheduler's retry policy, the function's error metric and alarm).
 */
export class PublishFailedError extends DueSoonError {
  override readonly name = 'PublishFailedError';
  constructor(readonly failures: readonly { eventId: string; errorCode: string }[]) {
    super(
      `${failures.length} TodoDueSoon event(s) could not be published: ${failures.map((f) => f.errorCode).join(', ')}`,
    );
  }
}
