/** Base of the AWS endpoint's own errors (configuration and start-up, not request errors). */
export class AwsEndpointError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AwsEndpointError';
  }
}

export class AwsEndpointPortInUseError extends AwsEndpointError {
  readonly port: number;

  constructor(port: number, options: { cause?: unknown; tried?: number } = {}) {
    const range = options.tried && options.tried > 1 ? ` (and the next ${options.tried - 1})` : '';
    super(
      `The AWS endpoint cannot listen on 127.0.0.1:${port}${range}: the port is already in use. ` +
        'Stop the process holding it or choose another port.',
      options,
    );
    this.name = 'AwsEndpointPortInUseError';
    this.port = port;
  }
}
