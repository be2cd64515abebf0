import * as z from 'zod';
import { RequestRejectedError } from '../gateway-error.ts';

/** Largest POST body accepted; a legitimate operation plus variables is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

const graphqlRequestSchema = z.object({
  query: z.string().min(1, 'query must not be empty'),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().max(256).nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

export type GraphqlRequest = z.output<typeof graphqlRequestSchema>;

export interface HttpRequestParts {
  readonly headers: Record<string, string | undefined>;
  readonly body?: string;
  readonly isBase64Encoded: boolean;
}

/** Parses a POST /graphql body, rejecting what is not a single JSON GraphQL request. */
export function parseGraphqlRequest(request: HttpRequestParts): GraphqlRequest {
  const contentType = request.headers['content-type'] ?? request.headers['Content-Type'] ?? '';
  if (!/^application\/(graphql-response\+)?json\b/i.test(contentType.trim())) {
    throw new RequestRejectedError(415, 'BAD_REQUEST', 'Content-Type must be application/json.');
  }
  const raw = request.body ?? '';
  const body = request.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (body.byteLength > MAX_BODY_BYTES) {
    throw new RequestRejectedError(413, 'BAD_REQUEST', `Request body exceeds ${MAX_BODY_BYTES} bytes.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new RequestRejectedError(400, 'BAD_REQUEST', 'Request body is not valid JSON.');
  }
  if (Array.isArray(json)) {
    throw new RequestRejectedError(400, 'BAD_REQUEST', 'Batched requests are not supported.');
  }
  const parsed = graphqlRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new RequestRejectedError(400, 'BAD_REQUEST', `Invalid GraphQL request: ${where}${issue?.message}.`);
  }
  return parsed.data;
}
