/** A cached verdict of a Lambda authorizer. */
export interface AuthorizerVerdict {
  readonly isAuthorized: boolean;
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * Verdicts by identity-source values, each kept for the authorizer's
 * `AuthorizerResultTtlInSeconds`. Denials are cached like grants, as API Gateway does; errors
 * are not cached. Expired entries are dropped when read and swept when the cache grows.
 */
export class AuthorizerCache {
  private readonly entries = new Map<string, { verdict: AuthorizerVerdict; expiresAt: number }>();

  constructor(
    private readonly ttlMillis: number,
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  get(identity: readonly string[]): AuthorizerVerdict | undefined {
    const key = JSON.stringify(identity);
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.verdict;
  }

  set(identity: readonly string[], verdict: AuthorizerVerdict): void {
    if (this.ttlMillis <= 0) {
      return;
    }
    if (this.entries.size >= this.maxEntries) {
      this.sweep();
    }
    this.entries.set(JSON.stringify(identity), { verdict, expiresAt: this.now() + this.ttlMillis });
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
      }
    }
    // Still full of live entries: drop the oldest, Map iteration follows insertion order.
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) {
        break;
      }
      this.entries.delete(key);
    }
  }
}
