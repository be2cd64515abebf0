/**
 * The events package's error hierarchy. Consumers tell a malformed event (never retry: it will
 * fail the same way) from anything else by `instanceof DomainEventValidationError`.
 */
export class EventsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input is not a valid domain event; `field` names the offending path (`detail.title`). */
export class DomainEventValidationError extends EventsError {
  constructor(
    readonly field: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`Invalid domain event: ${field} ${reason}`, options);
  }
}

/** A well-formed envelope whose `detail-type` is not in the catalogue. */
export class UnknownDomainEventError extends DomainEventValidationError {
  constructor(readonly detailType: string) {
    super('detail-type', `is not a known domain event: ${JSON.stringify(detailType.slice(0, 100))}`);
  }
}

/** A DynamoDB stream record that cannot be read (no image, no id, an image of the wrong shape). */
export class StreamRecordError extends EventsError {
  constructor(
    readonly eventId: string | undefined,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`Stream record ${eventId ?? '(no eventID)'} cannot be mapped: ${reason}`, options);
  }
}
