/**
 * The notifications function's errors. Every error fails its SQS record (it stays in the queue
 * and is retried after the visibility timeout; after `maxReceiveCount` receives SQS moves it to
 * the DLQ). `permanent` says whether a retry can help; it drives logging and alarms, not the
 * outcome: a permanent failure still goes to the DLQ, where an operator can see and redrive it.
 */
export class NotificationsError extends Error {
  override readonly name: string = 'NotificationsError';
  readonly permanent: boolean = false;
}

/** The message is not a domain event (not JSON, unknown detail-type, a field breaks the schema). */
export class PoisonMessageError extends NotificationsError {
  override readonly name = 'PoisonMessageError';
  override readonly permanent = true;
  constructor(
    readonly messageId: string,
    readonly field: string,
    options?: ErrorOptions,
  ) {
    super(`Message ${messageId} is not a domain event (${field})`, options);
  }
}

/** SES refused the message for a reason a retry cannot fix (rejected, unverified sender, ...). */
export class EmailRejectedError extends NotificationsError {
  override readonly name = 'EmailRejectedError';
  override readonly permanent = true;
  constructor(
    readonly eventId: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`E-mail for event ${eventId} was rejected: ${reason}`, options);
  }
}
