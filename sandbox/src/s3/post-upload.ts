import type { IncomingMessage } from 'node:http';
import type { S3Client } from '@aws-sdk/client-s3';
import { S3Refusal } from './errors.ts';
import { beginObjectWrite, type ObjectToWrite } from './object-writer.ts';
import { readPostForm } from './post-form.ts';
import { checkPostPolicy, contentLengthRange, parsePostPolicy } from './post-policy.ts';
import { type SecretKeyLookup, verifyPostSignature } from './post-signature.ts';

export interface PostUploadOptions {
  /** The S3 engine, path style. */
  readonly engine: S3Client;
  readonly lookupSecret: SecretKeyLookup;
  readonly now: () => Date;
  readonly partSize?: number;
}

/** A POST upload that passed the policy and is stored. */
export interface StoredPost {
  readonly bucket: string;
  readonly key: string;
  readonly etag: string;
  readonly size: number;
  readonly fields: ReadonlyMap<string, string>;
}

function objectFromFields(bucket: string, key: string, fields: ReadonlyMap<string, string>): ObjectToWrite {
  const metadata: Record<string, string> = {};
  for (const [name, value] of fields) {
    if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
  }
  const expires = fields.get('expires');
  const optional = (name: string) => fields.get(name);
  return {
    bucket,
    key,
    // S3's type for a POST without a Content-Type field.
    contentType: optional('content-type') ?? 'binary/octet-stream',
    cacheControl: optional('cache-control'),
    contentDisposition: optional('content-disposition'),
    contentEncoding: optional('content-encoding'),
    ...(expires === undefined ? {} : { expires: new Date(expires) }),
    metadata,
  };
}

/**
 * Receives a browser POST upload (multipart/form-data, SigV4 POST policy) the way S3 does: the
 * signature, expiration and every condition are checked before the file is read; the file streams
 * into the engine with PutObject semantics and is refused (and never stored) past the policy's
 * `content-length-range`. Throws an {@link S3Refusal} with S3's error otherwise.
 *
 * @example
 * ```ts
 * const stored = await receivePostUpload(req, 'media', { engine, lookupSecret, now: () => new Date() });
 * ```
 */
export async function receivePostUpload(
  req: IncomingMessage,
  bucket: string,
  options: PostUploadOptions,
): Promise<StoredPost> {
  const { fields, file, filename } = await readPostForm(req);
  try {
    const submittedKey = fields.get('key');
    if (submittedKey === undefined || submittedKey === '') {
      throw new S3Refusal(
        'InvalidArgument',
        "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
        400,
        { ArgumentName: 'key', ArgumentValue: '' },
      );
    }
    verifyPostSignature(fields, options.lookupSecret);
    const policy = parsePostPolicy(fields.get('policy') ?? '');
    checkPostPolicy(policy, fields, bucket, options.now());
    // biome-ignore lint/suspicious/noTemplateCurlyInString: S3's ${filename} placeholder in the key field
    const key = submittedKey.replaceAll('${filename}', filename);
    const range = contentLengthRange(policy) ?? { min: 0, max: Number.POSITIVE_INFINITY };
    const write = beginObjectWrite(options.engine, objectFromFields(bucket, key, fields), options.partSize);
    let size = 0;
    let tooLarge = false;
    try {
      for await (const chunk of file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (tooLarge) continue;
        if (size > range.max) {
          // Keep counting (and discarding) to report the proposed size, as S3 does.
          tooLarge = true;
          await write.abort();
          continue;
        }
        await write.push(chunk);
      }
    } catch (error) {
      await write.abort();
      throw error;
    }
    if (tooLarge) {
      throw new S3Refusal('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
        ProposedSize: size,
        MaxSizeAllowed: range.max,
      });
    }
    if (size < range.min) {
      await write.abort();
      throw new S3Refusal(
        'EntityTooSmall',
        'Your proposed upload is smaller than the minimum allowed size',
        400,
        {
          ProposedSize: size,
          MinSizeAllowed: range.min,
        },
      );
    }
    const stored = await write.finish();
    return { bucket, key, etag: stored.etag, size: stored.size, fields };
  } finally {
    file.resume();
  }
}
