import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { headerValue, isFormBody, type RequestHead } from './service-detection.ts';

export interface AwsErrorDetails {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

type ErrorProtocol = 'json' | 'query' | 'rest-xml';

/**
 * Answers with an error in the shape the caller's protocol expects, so SDK v3 clients and the CLI
 * surface `code` and `message` instead of a parse failure: JSON (`__type` and `x-amzn-ErrorType`)
 * for JSON and REST-JSON services, `<ErrorResponse>` for the query protocol, S3's `<Error>`.
 */
export function sendAwsError(
  head: RequestHead,
  service: string | undefined,
  res: ServerResponse,
  error: AwsErrorDetails,
): void {
  const requestId = randomUUID();
  const protocol = protocolOf(head, service);
  const body = head.method === 'HEAD' ? '' : render(protocol, error, requestId);
  res.writeHead(error.status, {
    'content-type': contentTypeOf(protocol, head),
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': requestId,
    'x-amz-request-id': requestId,
    'x-amzn-errortype': error.code,
  });
  res.end(body);
}

function protocolOf(head: RequestHead, service: string | undefined): ErrorProtocol {
  const contentType = headerValue(head.headers, 'content-type') ?? '';
  if (headerValue(head.headers, 'x-amz-target') || contentType.includes('json')) return 'json';
  if (isFormBody(head.headers) && service !== 's3') return 'query';
  return service === undefined || service === 's3' ? 'rest-xml' : 'json';
}

function contentTypeOf(protocol: ErrorProtocol, head: RequestHead): string {
  if (protocol !== 'json') return 'text/xml';
  return headerValue(head.headers, 'x-amz-target') ? 'application/x-amz-json-1.1' : 'application/json';
}

function render(protocol: ErrorProtocol, error: AwsErrorDetails, requestId: string): string {
  if (protocol === 'json') return JSON.stringify({ __type: error.code, message: error.message });
  const code = escapeXml(error.code);
  const message = escapeXml(error.message);
  if (protocol === 'query') {
    const type = error.status < 500 ? 'Sender' : 'Receiver';
    return `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (char) => `&#${char.charCodeAt(0)};`);
}
