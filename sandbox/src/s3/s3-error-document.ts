import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { S3Refusal } from './errors.ts';

/** Escapes text for an XML element (quotes stay as they are, as in S3's messages). */
export function xmlText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** S3's request id shape: 16 upper-case hex characters. */
export function s3RequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

/** S3's `<Error>` document for a refusal. */
export function errorDocument(refusal: S3Refusal, requestId: string): string {
  const details = Object.entries(refusal.details)
    .map(([name, value]) => `<${name}>${xmlText(String(value))}</${name}>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${xmlText(refusal.code)}</Code><Message>${xmlText(refusal.message)}</Message>` +
    `${details}<RequestId>${requestId}</RequestId><HostId>stratum-sandbox</HostId></Error>`
  );
}

/** Answers a refused request as S3 does: status, `application/xml`, the error document. */
export function sendRefusal(
  res: ServerResponse,
  refusal: S3Refusal,
  headers: Readonly<Record<string, string>> = {},
): void {
  const requestId = s3RequestId();
  const body = errorDocument(refusal, requestId);
  res.writeHead(refusal.status, {
    ...headers,
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-amz-request-id': requestId,
  });
  res.end(body);
}
