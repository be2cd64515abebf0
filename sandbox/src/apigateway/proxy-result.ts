import { type ApiResponse, INTERNAL_ERROR } from './api-response.ts';
import type { FunctionResult } from './function-invoker.ts';

/** The client's response, and why API Gateway refused the function's answer, if it did. */
export interface MappedResult {
  readonly response: ApiResponse;
  readonly integrationError?: string;
}

/**
 * Maps a Lambda result to the HTTP response, payload format 2.0 rules:
 * - a function error → 500 `{"message":"Internal Server Error"}`;
 * - an object with `statusCode` → that status, `headers`, `cookies` (one `set-cookie` each) and
 *   `body` (decoded from base64 when `isBase64Encoded`); no `content-type` → `text/plain`;
 * - anything else (a string, a number, an object without `statusCode`) → 200,
 *   `application/json`, and the function's JSON answer as the body.
 * A malformed structured answer (a status outside 100–599, a body that is not a string,
 * headers or cookies of the wrong type) is API Gateway's 500 too.
 */
export function mapFunctionResult(result: FunctionResult): MappedResult {
  if (result.functionError) {
    return {
      response: INTERNAL_ERROR(),
      integrationError: `function error: ${describeError(result.payload)}`,
    };
  }
  const payload = result.payload;
  if (!isRecord(payload) || !('statusCode' in payload)) {
    return {
      response: {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        cookies: [],
        body: Buffer.from(payload === undefined ? '' : JSON.stringify(payload)),
      },
    };
  }
  const problem = malformation(payload);
  if (problem) {
    return { response: INTERNAL_ERROR(), integrationError: `malformed Lambda proxy response: ${problem}` };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(isRecord(payload.headers) ? payload.headers : {})) {
    if (value !== null && value !== undefined) {
      headers[name.toLowerCase()] = String(value);
    }
  }
  headers['content-type'] ??= 'text/plain; charset=utf-8';
  const body = typeof payload.body === 'string' ? payload.body : '';
  return {
    response: {
      statusCode: Number(payload.statusCode),
      headers,
      cookies: Array.isArray(payload.cookies) ? payload.cookies.map(String) : [],
      body: payload.isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body),
    },
  };
}

function malformation(payload: Record<string, unknown>): string | undefined {
  const status = Number(payload.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    return `statusCode ${JSON.stringify(payload.statusCode)} is not an HTTP status`;
  }
  if (payload.body !== undefined && payload.body !== null && typeof payload.body !== 'string') {
    return `body must be a string (JSON.stringify it), got ${typeof payload.body}`;
  }
  if (payload.headers !== undefined && payload.headers !== null) {
    if (!isRecord(payload.headers)) {
      return 'headers must be an object';
    }
    for (const [name, value] of Object.entries(payload.headers)) {
      if (typeof value === 'object' && value !== null) {
        return `header "${name}" must be a string, number or boolean`;
      }
    }
  }
  if (payload.cookies !== undefined && payload.cookies !== null) {
    if (!Array.isArray(payload.cookies) || payload.cookies.some((cookie) => typeof cookie !== 'string')) {
      return 'cookies must be an array of strings';
    }
  }
  return undefined;
}

export function describeError(payload: unknown): string {
  if (isRecord(payload)) {
    const type = typeof payload.errorType === 'string' ? payload.errorType : 'Error';
    const message = typeof payload.errorMessage === 'string' ? payload.errorMessage : '';
    return message ? `${type}: ${message}` : type;
  }
  return JSON.stringify(payload) ?? String(payload);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
