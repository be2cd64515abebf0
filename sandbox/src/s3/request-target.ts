import type { IncomingMessage } from 'node:http';

/** What an S3 request addresses, in either URL style. */
export interface S3RequestTarget {
  readonly bucket?: string;
  /** The object key, decoded; absent for service- and bucket-level requests. */
  readonly key?: string;
  readonly query: URLSearchParams;
  /** The same request in path style (`/bucket/key?query`), raw encoding kept, for the engine. */
  readonly pathStyleUrl: string;
}

/**
 * The bucket of a virtual-hosted-style host: `<bucket>.s3.<anything>` or `<bucket>.localhost`.
 * `s3.localhost`, plain names and IP addresses are path style.
 */
function virtualHostBucket(hostHeader: string | undefined): string | undefined {
  const hostname = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  if (hostname === '' || /^[\d.]+$/.test(hostname) || hostname.startsWith('[')) return undefined;
  const s3Label = hostname.indexOf('.s3.');
  if (s3Label > 0) return hostname.slice(0, s3Label);
  if (hostname.endsWith('.localhost') && !hostname.startsWith('s3.')) {
    return hostname.slice(0, -'.localhost'.length);
  }
  return undefined;
}

function decodeSegment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Reads bucket, key and sub-resources from a request.
 *
 * @example
 * ```ts
 * s3RequestTarget(req); // GET /media/uploads/a%20b.png → { bucket: 'media', key: 'uploads/a b.png', ... }
 * ```
 */
export function s3RequestTarget(req: IncomingMessage): S3RequestTarget {
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart);
  const query = new URLSearchParams(rawQuery);
  const hostBucket = virtualHostBucket(req.headers.host);
  if (hostBucket !== undefined) {
    const rawKey = rawPath.replace(/^\//, '');
    return {
      bucket: hostBucket,
      ...(rawKey === '' ? {} : { key: decodeSegment(rawKey) }),
      query,
      pathStyleUrl: `/${encodeURIComponent(hostBucket)}${rawPath.startsWith('/') ? rawPath : `/${rawPath}`}${rawQuery}`,
    };
  }
  const withoutSlash = rawPath.replace(/^\//, '');
  if (withoutSlash === '') return { query, pathStyleUrl: rawUrl };
  const slash = withoutSlash.indexOf('/');
  const bucket = decodeSegment(slash === -1 ? withoutSlash : withoutSlash.slice(0, slash));
  const rawKey = slash === -1 ? '' : withoutSlash.slice(slash + 1);
  return { bucket, ...(rawKey === '' ? {} : { key: decodeSegment(rawKey) }), query, pathStyleUrl: rawUrl };
}
