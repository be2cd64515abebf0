/** An `s3://bucket/key` location, as MediaConvert takes inputs and destinations. */
export interface S3Location {
  readonly bucket: string;
  /** The key, or for a destination ending in `/`, the key prefix ending in `/`. */
  readonly key: string;
}

const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.*)$/;

/** The bucket and key of an `s3://` URI, undefined for anything else (HTTP inputs are not emulated). */
export function parseS3Uri(uri: string): S3Location | undefined {
  const match = S3_URI.exec(uri);
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { bucket: match[1], key: match[2] };
}

export const s3UriOf = (location: S3Location) => `s3://${location.bucket}/${location.key}`;
