/** Test doubles for Cognito: unsigned JWTs with chosen claims and a scripted JSON-API fetch. */

const base64url = (value: string): string =>
  btoa(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function fakeJwt(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'RS256', kid: 'test' }))}.${base64url(JSON.stringify(claims))}.signature`;
}

export function fakeIdToken(
  options: { sub?: string; email?: string; expiresInS?: number; groups?: string[] } = {},
): string {
  return fakeJwt({
    sub: options.sub ?? 'user-1',
    email: options.email ?? 'ada@example.com',
    exp: Math.floor(Date.now() / 1000) + (options.expiresInS ?? 3600),
    token_use: 'id',
    ...(options.groups ? { 'cognito:groups': options.groups } : {}),
  });
}

export interface RecordedCall {
  readonly url: string;
  readonly target: string | null;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch that answers each request with `answer(call)` and records it. */
export function scriptedFetch(answer: (call: RecordedCall) => Response | Promise<Response>) {
  const calls: RecordedCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const text = typeof init?.body === 'string' ? init.body : '{}';
    const call: RecordedCall = {
      url: String(input),
      target: headers.get('x-amz-target'),
      headers,
      body: JSON.parse(text) as Record<string, unknown>,
    };
    calls.push(call);
    return answer(call);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}
