import type { CorsRule } from './cors-rules.ts';
import { type BucketNotifications, NO_NOTIFICATIONS } from './notification-configuration.ts';

/** What the sandbox knows about a bucket beyond what the S3 engine stores. */
export interface BucketSettings {
  readonly cors?: readonly CorsRule[];
  readonly notifications: BucketNotifications;
  /** `VersioningConfiguration.Status`, recorded: the engine keeps one version per key. */
  readonly versioning?: string;
  /** The bucket policy document, recorded, not enforced. */
  readonly policy?: unknown;
}

/**
 * The per-bucket configuration the S3 front applies (CORS, notifications) and records (versioning,
 * policy). The resource providers fill it from the templates.
 *
 * @example
 * ```ts
 * buckets.configure('media', { cors: parseCorsConfiguration(props.CorsConfiguration, 'Media') });
 * buckets.settingsOf('media').cors; // the rules the front answers preflights with
 * ```
 */
export class BucketRegistry {
  readonly #buckets = new Map<string, BucketSettings>();

  /** Merges `changes` into the bucket's settings (a new bucket starts with none). */
  configure(bucket: string, changes: Partial<BucketSettings>): BucketSettings {
    const next = { ...this.settingsOf(bucket), ...changes };
    this.#buckets.set(bucket, next);
    return next;
  }

  settingsOf(bucket: string): BucketSettings {
    return this.#buckets.get(bucket) ?? { notifications: NO_NOTIFICATIONS };
  }

  has(bucket: string): boolean {
    return this.#buckets.has(bucket);
  }

  forget(bucket: string): void {
    this.#buckets.delete(bucket);
  }

  get names(): string[] {
    return [...this.#buckets.keys()];
  }
}
