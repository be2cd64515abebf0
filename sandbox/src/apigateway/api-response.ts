/** A response on its way to the client: lower-case header names, `set-cookie` as a list. */
export interface ApiResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/** One of API Gateway's own answers: `{"message": "..."}` as JSON. */
export function gatewayResponse(statusCode: number, message: string): ApiResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    cookies: [],
    body: Buffer.from(JSON.stringify({ message })),
  };
}

export const NOT_FOUND = (): ApiResponse => gatewayResponse(404, 'Not Found');
export const UNAUTHORIZED = (): ApiResponse => gatewayResponse(401, 'Unauthorized');
export const FORBIDDEN = (): ApiResponse => gatewayResponse(403, 'Forbidden');
export const TOO_LARGE = (): ApiResponse => gatewayResponse(413, 'Request Entity Too Large');
export const TOO_MANY_REQUESTS = (): ApiResponse => gatewayResponse(429, 'Too Many Requests');
export const INTERNAL_ERROR = (): ApiResponse => gatewayResponse(500, 'Internal Server Error');
export const SERVICE_UNAVAILABLE = (): ApiResponse => gatewayResponse(503, 'Service Unavailable');
