import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type Media, mediaTypeOf } from '@stratum/data';
import { deleteMediaObjects } from './delete-media-objects.ts';

/** A presigned POST for one original, as the client receives it. */
export interface UploadTicket {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** What the subgraph needs from the media bucket. */
export interface MediaStorage {
  uploadTicket(media: Media): Promise<UploadTicket>;
  /** A short-lived signed GET URL of one object. */
  downloadUrl(key: string): Promise<string>;
  /** Deletes the original and every rendition of a media item. */
  deleteObjects(media: Media): Promise<void>;
}

export interface S3MediaStorageOptions {
  readonly s3: S3Client;
  readonly bucket: string;
  /** Lifetime of an upload ticket; at most 300 (five minutes). @default 300 */
  readonly uploadTtlSeconds?: number;
  /** Lifetime of a signed GET URL. @default 900 */
  readonly downloadTtlSeconds?: number;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

const MAX_UPLOAD_TTL_SECONDS = 300;

/**
 * The media bucket through S3. Upload tickets are presigned POSTs whose policy holds every
 * rule the storage must enforce by itself, since the bytes never pass through our code:
 * the exact key (under the tenant's prefix), the exact declared content type, a size between
 * 1 byte and the type's limit, and an expiry of at most five minutes.
 */
export function createS3MediaStorage(options: S3MediaStorageOptions): MediaStorage {
  const { s3, bucket } = options;
  const uploadTtl = options.uploadTtlSeconds ?? MAX_UPLOAD_TTL_SECONDS;
  if (!Number.isInteger(uploadTtl) || uploadTtl < 1 || uploadTtl > MAX_UPLOAD_TTL_SECONDS) {
    throw new Error(
      `uploadTtlSeconds must be an integer from 1 to ${MAX_UPLOAD_TTL_SECONDS}, got ${uploadTtl}.`,
    );
  }
  const downloadTtl = options.downloadTtlSeconds ?? 900;
  const now = options.now ?? (() => new Date());

  return {
    async uploadTicket(media) {
      const type = mediaTypeOf(media.contentType);
      if (!type) throw new Error(`Media ${media.mediaId} has a content type outside the allow-list.`);
      const issuedAt = now();
      const { url, fields } = await createPresignedPost(s3, {
        Bucket: bucket,
        // Adds the `{"key": ...}` exact-match condition and the `key` field.
        Key: media.originalKey,
        Conditions: [
          ['content-length-range', 1, type.maxBytes],
          ['eq', '$Content-Type', media.contentType],
        ],
        Fields: { 'Content-Type': media.contentType },
        Expires: uploadTtl,
      });
      return { url, fields, expiresAt: new Date(issuedAt.getTime() + uploadTtl * 1000).toISOString() };
    },

    downloadUrl(key) {
      return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: downloadTtl });
    },

    async deleteObjects(media) {
      await deleteMediaObjects(s3, bucket, media.tenantId, media.mediaId);
    },
  };
}
