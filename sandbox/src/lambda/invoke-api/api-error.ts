import type { ServerResponse } from 'node:http';

/** An error response of the Lambda API: the type in `X-Amzn-ErrorType`, the body as Lambda words it. */
export class LambdaApiError extends Error {
  override readonly name = 'LambdaApiError';
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
    /** Extra fields of the error body (`Reason` of a throttle). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  send(response: ServerResponse): void {
    const body = JSON.stringify({
      Type: 'User',
      ...this.fields,
      Message: this.message,
      message: this.message,
    });
    response.writeHead(this.statusCode, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'X-Amzn-ErrorType': this.errorType,
    });
    response.end(body);
  }
}
