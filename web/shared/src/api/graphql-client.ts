import * as z from 'zod';
import type { Authenticator } from '../auth/authenticator.ts';
import { GraphqlRequestError, RequestFailedError, SessionExpiredError } from '../web-errors.ts';

/** The header every Stratum function reads its correlation id from (`@stratum/runtime`). */
export const CORRELATION_HEADER = 'x-correlation-id';

const graphqlResponse = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        path: z.array(z.union([z.string(), z.number()])).optional(),
        extensions: z.object({ code: z.string().optional() }).loose().optional(),
      }),
    )
    .optional(),
});

export interface GraphqlClientOptions {
  /** `/graphql` (same origin) or an absolute URL. */
  readonly url: string;
  readonly authenticator: Authenticator;
  readonly fetch?: typeof fetch;
  readonly newCorrelationId?: () => string;
}

/** API Gateway answers 401 without a token and 403 when the authorizer denies it (expired, revoked). */
const isAuthFailure = (status: number): boolean => status === 401 || status === 403;

/**
 * Sends GraphQL operations with the session's ID token. When the API refuses the token, it
 * refreshes once and retries; when that fails too the session expires (the app shows its
 * sign-in page) and the call throws SessionExpiredError.
 *
 * @example
 * ```ts
 * const api = new GraphqlClient({ url: config.graphqlUrl, authenticator });
 * const me = await api.request('query { me { email } }', {}, meSchema);
 * ```
 */
export class GraphqlClient {
  readonly #url: string;
  readonly #authenticator: Authenticator;
  readonly #fetch: typeof fetch;
  readonly #newCorrelationId: () => string;

  constructor(options: GraphqlClientOptions) {
    this.#url = options.url;
    this.#authenticator = options.authenticator;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#newCorrelationId = options.newCorrelationId ?? (() => crypto.randomUUID());
  }

  async request<T>(
    query: string,
    variables: Readonly<Record<string, unknown>>,
    dataSchema: z.ZodType<T>,
  ): Promise<T> {
    const correlationId = this.#newCorrelationId();
    let response = await this.#post(query, variables, await this.#authenticator.idToken(), correlationId);
    if (isAuthFailure(response.status)) {
      const refreshed = await this.#authenticator.refresh();
      response = await this.#post(query, variables, refreshed.idToken, correlationId);
      if (isAuthFailure(response.status)) {
        this.#authenticator.expire();
        throw new SessionExpiredError();
      }
    }
    const body = await this.#readBody(response, correlationId);
    if (body.errors && body.errors.length > 0) {
      if (body.errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
        this.#authenticator.expire();
        throw new SessionExpiredError();
      }
      throw new GraphqlRequestError(body.errors, correlationId);
    }
    const data = dataSchema.safeParse(body.data);
    if (!data.success) {
      throw new RequestFailedError(
        'The server answered with data this app does not understand.',
        response.status,
        correlationId,
        {
          cause: data.error,
        },
      );
    }
    return data.data;
  }

  async #post(
    query: string,
    variables: Readonly<Record<string, unknown>>,
    token: string,
    correlationId: string,
  ): Promise<Response> {
    try {
      return await this.#fetch(this.#url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${token}`,
          [CORRELATION_HEADER]: correlationId,
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch (cause) {
      throw new RequestFailedError(
        'The server could not be reached. Check your connection.',
        undefined,
        correlationId,
        {
          cause,
        },
      );
    }
  }

  async #readBody(response: Response, correlationId: string): Promise<z.infer<typeof graphqlResponse>> {
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      throw new RequestFailedError(
        `The server answered HTTP ${response.status}.`,
        response.status,
        correlationId,
        {
          cause,
        },
      );
    }
    const parsed = graphqlResponse.safeParse(json);
    if (!parsed.success || (!response.ok && !parsed.data.errors)) {
      throw new RequestFailedError(
        `The server answered HTTP ${response.status}.`,
        response.status,
        correlationId,
      );
    }
    return parsed.data;
  }
}
