import type { ThrottleSettings } from './api-definition.ts';

/**
 * The token bucket API Gateway throttles with: `burstLimit` tokens at most, refilled at
 * `rateLimit` per second; a request takes one token or is refused (429).
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly now: () => number,
  ) {
    this.tokens = settings.burstLimit;
    this.refilledAt = now();
  }

  tryTake(): boolean {
    const now = this.now();
    const elapsedSeconds = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.settings.burstLimit, this.tokens + elapsedSeconds * this.settings.rateLimit);
    this.refilledAt = now;
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }
}
