import type { RelayedResponse } from './engine-proxy.ts';
import type { S3RequestTarget } from './request-target.ts';

/** An object change the engine has just made, before its size and ETag are known. */
export interface DetectedChange {
  readonly eventName: string;
  readonly key: string;
  readonly created: boolean;
}

function xmlUnescape(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_match, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replaceAll('&amp;', '&');
}

/** Keys in a DeleteObjects result's `<Deleted>` elements. */
function deletedKeys(body: Buffer | undefined): string[] {
  if (body === undefined) return [];
  const keys: string[] = [];
  for (const match of body
    .toString('utf8')
    .matchAll(/<Deleted>[\s\S]*?<Key>([\s\S]*?)<\/Key>[\s\S]*?<\/Deleted>/g)) {
    if (match[1] !== undefined) keys.push(xmlUnescape(match[1]));
  }
  return keys;
}

/** Whether the front must keep the engine's response body to find the changes (DeleteObjects). */
export function needsResponseBody(method: string, target: S3RequestTarget): boolean {
  return method === 'POST' && target.key === undefined && target.query.has('delete');
}

/**
 * The S3 event names a successful request produces: PutObject, CopyObject (`x-amz-copy-source`),
 * CompleteMultipartUpload, DeleteObject and DeleteObjects (one per deleted key).
 */
export function detectChanges(
  method: string,
  target: S3RequestTarget,
  requestHeaders: Readonly<Record<string, string | string[] | undefined>>,
  response: RelayedResponse,
): DetectedChange[] {
  if (response.status < 200 || response.status > 299) return [];
  const { key, query } = target;
  if (key === undefined) {
    return needsResponseBody(method, target)
      ? deletedKeys(response.body).map((deleted) => ({
          eventName: 'ObjectRemoved:Delete',
          key: deleted,
          created: false,
        }))
      : [];
  }
  if (method === 'PUT' && !query.has('uploadId') && !query.has('partNumber') && !query.has('renameObject')) {
    const isCopy = requestHeaders['x-amz-copy-source'] !== undefined;
    return [{ eventName: isCopy ? 'ObjectCreated:Copy' : 'ObjectCreated:Put', key, created: true }];
  }
  if (method === 'POST' && query.has('uploadId')) {
    return [{ eventName: 'ObjectCreated:CompleteMultipartUpload', key, created: true }];
  }
  if (method === 'DELETE' && !query.has('uploadId')) {
    return [{ eventName: 'ObjectRemoved:Delete', key, created: false }];
  }
  return [];
}
