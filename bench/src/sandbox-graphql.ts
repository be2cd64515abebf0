import type { Agent } from 'node:http';
import { postJson } from './http-json.ts';

/**
 * A GraphQL caller for one user over a shared keep-alive agent: rejects unless the answer is HTTP 200,
 * has no `errors` and passes `check` (so a fast failure is never counted as a fast answer).
 */
export function graphqlCaller(agent: Agent, apiUrl: string, idToken: string) {
  const headers = { authorization: `Bearer ${idToken}` };
  return async (query: string, check: (data: Record<string, unknown>) => boolean): Promise<void> => {
    const { status, json } = await postJson(agent, apiUrl, headers, JSON.stringify({ query }));
    const body = json as { data?: Record<string, unknown> | null; errors?: unknown[] };
    if (status !== 200 || body.errors !== undefined || !body.data || !check(body.data)) {
      throw new Error(`HTTP ${status}: ${JSON.stringify(json).slice(0, 300)}`);
    }
  };
}
