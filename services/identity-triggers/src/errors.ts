/** Base of every error the identity triggers raise. */
export class IdentityTriggerError extends Error {
  override readonly name: string = 'IdentityTriggerError';
}

/** The event Cognito sent is not one this trigger can handle (wrong wiring or a malformed payload). */
export class InvalidTriggerEventError extends IdentityTriggerError {
  override readonly name = 'InvalidTriggerEventError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid post-confirmation event:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** The user could not be placed in a tenant. Cognito reports the failure and retries the trigger. */
export class TenantAssignmentError extends IdentityTriggerError {
  override readonly name = 'TenantAssignmentError';
  constructor(
    message: string,
    readonly userId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
