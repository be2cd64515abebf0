/** The enricher's errors. Any of them fails the Pipe batch, which Pipes retries, bisects and dead-letters. */
export class EnricherError extends Error {
  override readonly name: string = 'EnricherError';
}

/** The Pipe did not deliver an array of stream records (a misconfigured input template). */
export class EnrichmentInputError extends EnricherError {
  override readonly name = 'EnrichmentInputError';
  constructor(readonly reason: string) {
    super(`The enrichment input must be the Pipe's batch of stream records: ${reason}`);
  }
}
