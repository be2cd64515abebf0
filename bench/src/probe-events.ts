/**
 * One representative event per function for the first invocation of the cold-init benchmark.
 * Each runs the function's real request path (validation, parsing, GraphQL execution, logging,
 * metrics) but stops before the network: the bench machine has no AWS and no daemon.
 */

/** An unsigned JWT from an issuer neither pool trusts: denied as `wrong_issuer`, no key fetch. */
function foreignToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return [
    part({ alg: 'RS256', kid: 'bench', typ: 'JWT' }),
    part({ iss: 'https://issuer.invalid/pool', sub: 'bench', token_use: 'id', exp: now + 3600, iat: now }),
    Buffer.from('not-a-signature').toString('base64url'),
  ].join('.');
}

const staff = { principalType: 'staff', userId: 'staff-1', groups: ['support'] };

export const PROBE_EVENTS = {
  empty: {},
  authorizer: {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:api/$default/POST/graphql',
    identitySource: [`Bearer ${foreignToken()}`],
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    headers: { authorization: `Bearer ${foreignToken()}`, 'x-correlation-id': 'bench-1' },
  },
  /** A forgotten-password confirmation: parsed, logged and ignored (a sign-up would write the table). */
  'post-confirmation': {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_bench',
    userName: 'bench',
    triggerSource: 'PostConfirmation_ConfirmForgotPassword',
    callerContext: { awsSdkVersion: '3', clientId: 'bench-client' },
    request: { userAttributes: { sub: '00000000-0000-4000-8000-000000000001', email: 'a@example.com' } },
    response: {},
  },
  /** A staff principal asking a customer field: parsed, validated, executed, refused as FORBIDDEN. */
  users: { query: '{ me { id email displayName } }', principal: staff, correlationId: 'bench-1' },
  todo: {
    query: 'query Todos { todos(first: 5) { edges { node { id title } } } }',
    principal: staff,
    correlationId: 'bench-1',
  },
  /** `__typename` goes through the HTTP edge, every limit, validation and execution, with no subgraph call. */
  gateway: {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'bench-1' },
    isBase64Encoded: false,
    body: JSON.stringify({ query: 'query Probe { __typename }' }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: 'bench-1',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 1767225600000,
      authorizer: {
        lambda: {
          principalType: 'customer',
          userId: 'user-1',
          tenantId: 'tenant-1',
          role: 'owner',
          groups: '',
        },
      },
    },
  },
} as const;
