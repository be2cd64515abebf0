import { IncomingMessage } from 'node:http';

/**
 * A copy of `original` whose body is `body`, for in-process handlers when the body had to be read
 * to find the service (query-protocol `Action`). Node's own parser builds requests the same way:
 * an `IncomingMessage` on the socket, fed with `push`.
 */
export function replayedRequest(original: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(original.socket);
  copy.method = original.method ?? 'POST';
  copy.url = original.url ?? '/';
  copy.httpVersion = original.httpVersion;
  copy.headers = { ...original.headers, 'content-length': String(body.length) };
  delete copy.headers['transfer-encoding'];
  copy.rawHeaders = original.rawHeaders;
  // Without `complete`, destroying the copy after it is read counts as an abort and kills the socket.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}
