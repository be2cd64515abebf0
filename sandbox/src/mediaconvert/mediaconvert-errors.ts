/** The base of the MediaConvert emulation's errors; `code` and `status` are what the API answers. */
export class MediaConvertError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MediaConvertError';
  }
}

/** A request MediaConvert refuses as malformed (`BadRequestException`, 400); every problem in one message. */
export class MediaConvertBadRequestError extends MediaConvertError {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '), 'BadRequestException', 400);
    this.name = 'MediaConvertBadRequestError';
  }
}

/** A job, job template or operation that does not exist (`NotFoundException`, 404). */
export class MediaConvertNotFoundError extends MediaConvertError {
  constructor(message: string) {
    super(message, 'NotFoundException', 404);
    this.name = 'MediaConvertNotFoundError';
  }
}

/** A job that failed while it ran: what the `ERROR` event and `GetJob` report. */
export class JobFailedError extends MediaConvertError {
  constructor(
    message: string,
    /** MediaConvert's error code: 1010 input cannot be opened, 1999 anything else. */
    readonly errorCode: number,
    options?: ErrorOptions,
  ) {
    super(message, 'JobFailed', 500, options);
    this.name = 'JobFailedError';
  }
}
