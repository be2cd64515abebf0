import type { StoredPost } from './post-upload.ts';
import { xmlText } from './s3-error-document.ts';

export interface PostAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function objectLocation(baseUrl: string, bucket: string, key: string): string {
  return `${baseUrl}/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * S3's answer to a stored POST upload: a 303 to `success_action_redirect` (with bucket, key and
 * etag), else `success_action_status` 200, 201 (with the `PostResponse` document) or 204, the default.
 */
export function postSuccess(stored: StoredPost, baseUrl: string): PostAnswer {
  const etag = `"${stored.etag}"`;
  const location = objectLocation(baseUrl, stored.bucket, stored.key);
  const redirect = stored.fields.get('success_action_redirect') ?? stored.fields.get('redirect');
  if (redirect !== undefined) {
    try {
      const target = new URL(redirect);
      target.searchParams.set('bucket', stored.bucket);
      target.searchParams.set('key', stored.key);
      target.searchParams.set('etag', etag);
      return { status: 303, headers: { location: target.toString(), etag }, body: '' };
    } catch {
      // S3 ignores a redirect that is not a URL and falls back to the status.
    }
  }
  const requested = Number(stored.fields.get('success_action_status'));
  const status = requested === 200 || requested === 201 ? requested : 204;
  if (status !== 201) return { status, headers: { etag, location }, body: '' };
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<PostResponse><Location>${xmlText(location)}</Location><Bucket>${xmlText(stored.bucket)}</Bucket>` +
    `<Key>${xmlText(stored.key)}</Key><ETag>${xmlText(etag)}</ETag></PostResponse>`;
  return {
    status,
    headers: {
      etag,
      location,
      'content-type': 'application/xml',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  };
}
