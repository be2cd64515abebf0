/** Raised when DynamoDB Local cannot be started or does not answer in time. */
export class DynamoDbLocalError extends Error {
  /** The last lines the engine printed, to see why it failed. */
  readonly output: string;

  constructor(message: string, options: { output?: string; cause?: unknown } = {}) {
    super(options.output ? `${message}\n--- DynamoDB Local output ---\n${options.output}` : message, {
      cause: options.cause,
    });
    this.name = 'DynamoDbLocalError';
    this.output = options.output ?? '';
  }
}
