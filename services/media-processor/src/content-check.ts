import { type MediaType, mediaTypeOf } from '@stratum/data';
import { fileTypeFromBuffer } from 'file-type';
import { MediaRejectedError } from './errors.ts';

/**
 * Bytes to read from the start of an object for type detection: file-type's own
 * "reasonable detection size". Every format we accept declares itself in its first bytes
 * (JPEG/PNG/GIF signatures, RIFF/WEBP, the ISO-BMFF `ftyp` box of MP4/MOV/AVIF, EBML for WebM).
 */
export const DETECTION_BYTES = 4100;

/** Detected types that are the same format as a declared one under another name. */
const SAME_FORMAT: Readonly<Record<string, readonly string[]>> = {
  // An MP4 with Apple's M4V brand is an MP4 for every player and for MediaConvert.
  'video/mp4': ['video/x-m4v'],
};

/** What S3 says about the stored original. */
export interface StoredObject {
  readonly contentType: string | undefined;
  readonly size: number;
}

/**
 * Checks an uploaded original against what was declared: the type is on the allow-list, the
 * object is stored with that type, its size is within the type's limit and its first bytes
 * are really of that type. Returns the accepted media type; throws `MediaRejectedError` with a
 * reason for the user otherwise.
 *
 * Detection is by file-type (magic numbers, including the container brands that tell MP4 from
 * MOV and AVIF from HEIC), not by a hand-written table: the ISO-BMFF cases are where small
 * detectors go wrong.
 */
export async function checkOriginal(
  declaredContentType: string,
  stored: StoredObject,
  firstBytes: Uint8Array,
): Promise<MediaType> {
  const type = mediaTypeOf(declaredContentType);
  if (!type) throw new MediaRejectedError(`${declaredContentType} is not an accepted media type`);
  if (stored.size === 0) throw new MediaRejectedError('the uploaded file is empty');
  if (stored.size > type.maxBytes) {
    throw new MediaRejectedError(
      `the file is ${stored.size} bytes, over the ${type.maxBytes}-byte limit for ${type.contentType}`,
    );
  }
  if (stored.contentType !== type.contentType) {
    throw new MediaRejectedError(
      `the file was stored as ${stored.contentType ?? 'no content type'}, not the declared ${type.contentType}`,
    );
  }
  const detected = await fileTypeFromBuffer(firstBytes);
  if (!detected) {
    throw new MediaRejectedError(
      `the content is not a recognized image or video (declared ${type.contentType})`,
    );
  }
  const accepted = [type.contentType, ...(SAME_FORMAT[type.contentType] ?? [])];
  if (!accepted.includes(detected.mime)) {
    throw new MediaRejectedError(`the content is ${detected.mime}, not the declared ${type.contentType}`);
  }
  return type;
}
