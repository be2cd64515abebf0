import type { TenantScope } from './contract.ts';
import type { MediaKind } from './media-types.ts';

/**
 * A media item: one file attached to a todo, uploaded straight to the media bucket. Its status
 * moves pending (ticket issued) → processing (upload seen) → ready | failed (with a reason);
 * a replaced original starts again at processing.
 */
export type MediaStatus = 'pending' | 'processing' | 'ready' | 'failed';

/** A file derived from the original (thumbnail, MP4, HLS playlist, poster frame). */
export interface MediaRendition {
  /** Stable name a client can pick by: `thumb-256`, `thumb-1024`, `mp4`, `hls`, `poster`. */
  readonly name: string;
  /** Object key in the media bucket, under the item's `renditions/` prefix. */
  readonly key: string;
  readonly contentType: string;
  readonly width: number | null;
  readonly height: number | null;
}

export interface Media {
  readonly tenantId: string;
  readonly mediaId: string;
  readonly todoId: string;
  /** The declared content type, pinned by the upload policy and checked against the bytes. */
  readonly contentType: string;
  readonly kind: MediaKind;
  /** The size the client declared when it asked for the upload ticket. */
  readonly declaredSize: number;
  /** The stored original's size, once the upload was seen. */
  readonly size: number | null;
  readonly status: MediaStatus;
  /** Set when status is `failed`, and only then. */
  readonly failureReason: string | null;
  readonly originalKey: string;
  readonly renditions: readonly MediaRendition[];
  /** ETag of the original that was (or is being) processed: tells a redelivery from a replacement. */
  readonly originalETag: string | null;
  /** The MediaConvert job of a video, once created. */
  readonly jobId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Incremented on every write; changes name the version they read. */
  readonly version: number;
}

export interface NewMedia {
  readonly todoId: string;
  readonly contentType: string;
  /** Bytes the client intends to upload; must be within the type's limit. */
  readonly size: number;
}

/** What the media pipeline may change; fields left out are unchanged. */
export interface MediaChange {
  readonly status?: MediaStatus;
  readonly failureReason?: string | null;
  readonly size?: number | null;
  readonly renditions?: readonly MediaRendition[];
  readonly originalETag?: string | null;
  readonly jobId?: string | null;
}

export interface MediaRepository {
  /**
   * Creates a pending media item of a todo, in one transaction with a check that the todo
   * exists in the caller's tenant (TodoNotFoundError otherwise). A pending item that never
   * receives its upload expires (TTL) a day later.
   */
  create(scope: TenantScope, input: NewMedia): Promise<Media>;
  /** Throws MediaNotFoundError when absent in this tenant. */
  get(scope: TenantScope, mediaId: string): Promise<Media>;
  /** Every media item of a todo, oldest first (read from gsi1: eventually consistent). */
  listByTodo(scope: TenantScope, todoId: string): Promise<readonly Media[]>;
  /**
   * Applies a change when the stored version is `expectedVersion` (VersionConflictError
   * otherwise); `failed` requires a reason and any other status clears it.
   */
  update(scope: TenantScope, mediaId: string, expectedVersion: number, change: MediaChange): Promise<Media>;
  /** Throws MediaNotFoundError when absent in this tenant. */
  delete(scope: TenantScope, mediaId: string): Promise<void>;
}
