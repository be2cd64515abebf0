/** The analytics function's errors. */
export class AnalyticsError extends Error {
  override readonly name: string = 'AnalyticsError';
}

/**
 * The delivered event is not a domain event of the catalogue. Permanent: retrying cannot help,
 * so after Lambda's asynchronous retries it lands in the function's on-failure destination.
 */
export class InvalidAnalyticsEventError extends AnalyticsError {
  override readonly name = 'InvalidAnalyticsEventError';
  constructor(
    readonly field: string,
    options: ErrorOptions,
  ) {
    super(`Not a domain event this function can count (${field})`, options);
  }
}
