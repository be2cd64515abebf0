/**
 * The media a todo may carry: an allow-list of content types, each with its kind and the largest
 * upload accepted. The media subgraph writes these bounds into the presigned POST policy and the
 * media processor checks the uploaded bytes against them, so both sides read this one table.
 */
export type MediaKind = 'image' | 'video';

export interface MediaType {
  readonly contentType: string;
  readonly kind: MediaKind;
  /** Largest upload accepted, in bytes (the policy's content-length-range upper bound). */
  readonly maxBytes: number;
}

const MiB = 1024 * 1024;

/** Images are decoded in the processor's memory, so their bound is far below the videos'. */
const IMAGE_MAX_BYTES = 20 * MiB;
/** Videos are never downloaded by a Lambda: MediaConvert reads them from the bucket. */
const VIDEO_MAX_BYTES = 1024 * MiB;

const TYPES: readonly MediaType[] = [
  { contentType: 'image/jpeg', kind: 'image', maxBytes: IMAGE_MAX_BYTES },
  { contentType: 'image/png', kind: 'image', maxBytes: IMAGE_MAX_BYTES },
  { contentType: 'image/webp', kind: 'image', maxBytes: IMAGE_MAX_BYTES },
  { contentType: 'image/gif', kind: 'image', maxBytes: IMAGE_MAX_BYTES },
  { contentType: 'image/avif', kind: 'image', maxBytes: IMAGE_MAX_BYTES },
  { contentType: 'video/mp4', kind: 'video', maxBytes: VIDEO_MAX_BYTES },
  { contentType: 'video/quicktime', kind: 'video', maxBytes: VIDEO_MAX_BYTES },
  { contentType: 'video/webm', kind: 'video', maxBytes: VIDEO_MAX_BYTES },
];

const BY_CONTENT_TYPE: ReadonlyMap<string, MediaType> = new Map(
  TYPES.map((type) => [type.contentType, type]),
);

/** Every accepted content type, in a stable order (for messages and documentation). */
export const MEDIA_CONTENT_TYPES: readonly string[] = TYPES.map((type) => type.contentType);

/** The accepted media type for a content type (exact, lower-case match), or undefined. */
export function mediaTypeOf(contentType: string): MediaType | undefined {
  return BY_CONTENT_TYPE.get(contentType);
}
