import type { S3OriginDefinition } from './distribution-config.ts';
import { type EdgeRequest, type EdgeResponse, headerValue } from './edge-message.ts';

/** An object as the S3 origin returns it to CloudFront. */
export interface S3OriginObject {
  readonly body: Uint8Array;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: Date;
  readonly cacheControl?: string;
  readonly contentEncoding?: string;
}

/**
 * How the emulator reads S3 origins. The sandbox implements it against its S3 engine; tests use
 * a map. `undefined` means no such object (or bucket).
 */
export interface S3ObjectSource {
  getObject(bucket: string, key: string): Promise<S3OriginObject | undefined>;
}

/**
 * Fetches from an S3 origin the way CloudFront with origin access control does: `GET`/`HEAD` of
 * the key `OriginPath + URI` (percent-decoded, as S3 decodes it). A missing object is `403
 * AccessDenied`, which is what S3 answers when the distribution's grant (the CDK default) has
 * `s3:GetObject` but not `s3:ListBucket`; that is why SPA fallbacks map 403 as well as 404. Other
 * methods are refused with 403: the emulator treats S3 origins as read-only.
 */
export async function fetchFromS3(
  origin: S3OriginDefinition,
  source: S3ObjectSource,
  request: EdgeRequest,
): Promise<EdgeResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return s3Error(403, 'AccessDenied', 'Access Denied');
  }
  let key: string;
  try {
    key = decodeURIComponent(`${origin.originPath}${request.uri}`).replace(/^\//, '');
  } catch {
    return s3Error(400, 'InvalidURI', 'Couldn\u2019t parse the specified URI.');
  }
  const object = key === '' ? undefined : await source.getObject(origin.bucket, key);
  if (!object) return s3Error(403, 'AccessDenied', 'Access Denied');
  const headers: Record<string, string[]> = {
    'content-type': [object.contentType ?? 'binary/octet-stream'],
    'accept-ranges': ['bytes'],
    server: ['AmazonS3'],
  };
  if (object.etag) headers.etag = [object.etag];
  if (object.lastModified) headers['last-modified'] = [object.lastModified.toUTCString()];
  if (object.cacheControl) headers['cache-control'] = [object.cacheControl];
  if (object.contentEncoding) headers['content-encoding'] = [object.contentEncoding];
  if (object.etag && headerValue(request.headers, 'if-none-match') === object.etag) {
    return { status: 304, statusDescription: 'Not Modified', headers, body: Buffer.alloc(0) };
  }
  const body = Buffer.from(object.body);
  return {
    status: 200,
    statusDescription: 'OK',
    headers,
    body: request.method === 'HEAD' ? Buffer.alloc(0) : body,
  };
}

function s3Error(status: number, code: string, message: string): EdgeResponse {
  const body = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
  return { status, headers: { 'content-type': ['application/xml'], server: ['AmazonS3'] }, body };
}
