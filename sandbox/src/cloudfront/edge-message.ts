/**
 * The request and the response as they travel through a distribution, between the viewer, the
 * edge functions and the origin. Header names are lower case; a header may repeat.
 */
export type HeaderMap = Record<string, string[]>;

export interface EdgeRequest {
  readonly method: string;
  /** The path, percent-encoded as the viewer sent it, always starting with `/`. */
  readonly uri: string;
  /** The raw query string without `?` (empty when none). */
  readonly querystring: string;
  readonly headers: HeaderMap;
  readonly body: Buffer;
  readonly clientIp: string;
}

export interface EdgeResponse {
  readonly status: number;
  readonly statusDescription?: string;
  readonly headers: HeaderMap;
  readonly body: Buffer;
}

/** The first value of a header, or `undefined`. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  return headers[name.toLowerCase()]?.[0];
}

export function withHeader(headers: HeaderMap, name: string, value: string): HeaderMap {
  return { ...headers, [name.toLowerCase()]: [value] };
}

export function withoutHeader(headers: HeaderMap, name: string): HeaderMap {
  const copy = { ...headers };
  delete copy[name.toLowerCase()];
  return copy;
}

/** A response CloudFront itself generates (an error page), with its usual HTML body. */
export function cloudFrontError(status: number, title: string, detail: string): EdgeResponse {
  const body = Buffer.from(
    `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n` +
      `<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">\n` +
      `<TITLE>ERROR: The request could not be satisfied</TITLE>\n</HEAD><BODY>\n` +
      `<H1>${status} ${title}</H1>\n${detail}\n</BODY></HTML>`,
  );
  return { status, statusDescription: title, headers: { 'content-type': ['text/html'] }, body };
}
