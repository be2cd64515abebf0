import sharp from 'sharp';
import { MediaRejectedError } from './errors.ts';

/** One thumbnail, encoded and ready to store. */
export interface EncodedRendition {
  /** `thumb-<size>`; stored as `renditions/<name>.webp`. */
  readonly name: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Longest side of each thumbnail, in pixels. */
export const THUMBNAIL_SIZES = [256, 1024] as const;

/**
 * Refuses decompression bombs: a 20 MB PNG can claim billions of pixels. 100 MP covers any
 * camera today, and decoding it stays within a 1.5 GB function.
 */
const MAX_INPUT_PIXELS = 100_000_000;

/**
 * WebP thumbnails of an image, its longest side bounded by each of `THUMBNAIL_SIZES` (never
 * enlarged), oriented by its EXIF orientation, metadata stripped (sharp's default: no GPS
 * position leaks into a thumbnail). An image sharp cannot decode is a `MediaRejectedError`.
 */
export async function imageThumbnails(original: Uint8Array): Promise<EncodedRendition[]> {
  try {
    const image = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    return await Promise.all(
      THUMBNAIL_SIZES.map(async (size) => {
        const { data, info } = await image
          .clone()
          .rotate()
          .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        return {
          name: `thumb-${size}`,
          fileName: `thumb-${size}.webp`,
          contentType: 'image/webp',
          body: data,
          width: info.width,
          height: info.height,
        };
      }),
    );
  } catch (error) {
    throw new MediaRejectedError(
      `the image could not be decoded: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
