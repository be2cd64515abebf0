import { createServices, parseRuntimeConfig, SessionStore, sessionFromTokens } from '@stratum/web-shared';
import {
  fakeIdToken,
  json,
  type RecordedCall,
  scriptedFetch,
} from '../../shared/test/support/fake-cognito.ts';

export const config = parseRuntimeConfig({
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Test1',
  userPoolClientId: 'web-client',
  cognitoEndpoint: 'http://cognito.test/',
  graphqlUrl: '/graphql',
  stage: 'test',
});

export interface GraphqlCall {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly authorization: string | null;
}

/**
 * The public app's two back ends in one fetch: Cognito's JSON API and the GraphQL API, each
 * answered by the test's handler. `acceptedTokens` holds the ID tokens the API accepts.
 */
export function fakeBackend(handlers: {
  cognito?: (call: RecordedCall) => Response;
  graphql: (call: GraphqlCall) => unknown;
}) {
  const acceptedTokens = new Set<string>();
  const graphqlCalls: GraphqlCall[] = [];
  const { fetch, calls } = scriptedFetch((call) => {
    if (call.url === config.cognitoEndpoint) {
      return handlers.cognito?.(call) ?? json(400, { __type: 'NotAuthorizedException', message: 'no' });
    }
    const authorization = call.headers.get('authorization');
    if (!authorization || !acceptedTokens.has(authorization.replace(/^Bearer /, ''))) {
      return json(403, { message: 'Forbidden' });
    }
    const graphqlCall = {
      query: String(call.body.query),
      variables: (call.body.variables ?? {}) as Record<string, unknown>,
      authorization,
    };
    graphqlCalls.push(graphqlCall);
    return json(200, handlers.graphql(graphqlCall));
  });
  return { fetch, cognitoCalls: calls, graphqlCalls, acceptedTokens };
}

/** Stores a session as a previous visit would have, and returns its ID token. */
export function storeSession(options: { groups?: string[]; clientId?: string } = {}): string {
  const idToken = fakeIdToken(options.groups ? { groups: options.groups } : {});
  new SessionStore(window.localStorage, options.clientId ?? config.userPoolClientId).save(
    sessionFromTokens({ idToken, accessToken: 'access', refreshToken: 'refresh' }),
  );
  return idToken;
}

export const servicesWith = (fetchImpl: typeof fetch) =>
  createServices(config, { sessionStorage: window.localStorage, fetch: fetchImpl });

export const todo = (overrides: Record<string, unknown> = {}) => ({
  id: 'todo-1',
  title: 'Water the plants',
  notes: null,
  status: 'OPEN',
  dueDate: '2030-01-15',
  tags: ['home'],
  createdAt: '2029-12-01T10:00:00.000Z',
  updatedAt: '2029-12-01T10:00:00.000Z',
  completedAt: null,
  version: 1,
  ...overrides,
});

export const page = (todos: unknown[], endCursor: string | null = null) => ({
  data: {
    todos: {
      edges: todos.map((node) => ({ node })),
      pageInfo: { hasNextPage: endCursor !== null, endCursor },
    },
  },
});
