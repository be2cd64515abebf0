import type { Media, MediaRendition, MediaStatus } from '../media-contract.ts';
import type { MediaKind } from '../media-types.ts';

/** A media item as the table stores it: optional attributes absent rather than null. */
export interface StoredMedia {
  tenantId: string;
  mediaId: string;
  todoId: string;
  contentType: string;
  kind: MediaKind;
  declaredSize: number;
  size?: number;
  status: MediaStatus;
  failureReason?: string;
  originalKey: string;
  renditions: { name: string; key: string; contentType: string; width?: number; height?: number }[];
  originalETag?: string;
  jobId?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  ttl?: number;
}

const toRendition = (stored: StoredMedia['renditions'][number]): MediaRendition => ({
  name: stored.name,
  key: stored.key,
  contentType: stored.contentType,
  width: stored.width ?? null,
  height: stored.height ?? null,
});

/** The stored item as the contract's Media (explicit nulls; `ttl` is the table's business). */
export function toMedia(stored: StoredMedia): Media {
  return {
    tenantId: stored.tenantId,
    mediaId: stored.mediaId,
    todoId: stored.todoId,
    contentType: stored.contentType,
    kind: stored.kind,
    declaredSize: stored.declaredSize,
    size: stored.size ?? null,
    status: stored.status,
    failureReason: stored.failureReason ?? null,
    originalKey: stored.originalKey,
    renditions: stored.renditions.map(toRendition),
    originalETag: stored.originalETag ?? null,
    jobId: stored.jobId ?? null,
    createdBy: stored.createdBy,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    version: stored.version,
  };
}

const present = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** Drops nulls: absent attributes are how the table stores "no value". */
export function toStoredMedia(media: Media, ttl: number | undefined): StoredMedia {
  return {
    tenantId: media.tenantId,
    mediaId: media.mediaId,
    todoId: media.todoId,
    contentType: media.contentType,
    kind: media.kind,
    declaredSize: media.declaredSize,
    ...present('size', media.size),
    status: media.status,
    ...present('failureReason', media.failureReason),
    originalKey: media.originalKey,
    renditions: media.renditions.map((rendition) => ({
      name: rendition.name,
      key: rendition.key,
      contentType: rendition.contentType,
      ...present('width', rendition.width),
      ...present('height', rendition.height),
    })),
    ...present('originalETag', media.originalETag),
    ...present('jobId', media.jobId),
    createdBy: media.createdBy,
    createdAt: media.createdAt,
    updatedAt: media.updatedAt,
    version: media.version,
    ...present('ttl', ttl),
  };
}
