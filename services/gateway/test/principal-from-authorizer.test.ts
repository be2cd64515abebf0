import { describe, expect, it } from 'vitest';
import { readGatewayEnvironment, subgraphFunctionNames } from '../src/environment.ts';
import { principalFromAuthorizer } from '../src/http/principal-from-authorizer.ts';

describe('principal from the authorizer context', () => {
  it('reads a customer, splitting groups and dropping empty strings', () => {
    expect(
      principalFromAuthorizer({
        principalType: 'customer',
        userId: 'u1',
        tenantId: '',
        role: '',
        email: 'a@b.test',
        groups: 'beta, ,testers',
      }),
    ).toEqual({ principalType: 'customer', userId: 'u1', email: 'a@b.test', groups: ['beta', 'testers'] });
  });

  it('reads staff without a tenant, even if one is passed', () => {
    const staff = principalFromAuthorizer({
      principalType: 'staff',
      userId: 's1',
      tenantId: 't1',
      groups: 'support',
    });
    expect(staff).toEqual({ principalType: 'staff', userId: 's1', groups: ['support'] });
  });

  it.each([
    undefined,
    {},
    { principalType: 'customer' },
    { principalType: 'admin', userId: 'x' },
    { principalType: 'customer', userId: 'u', role: 'root' },
  ])('returns undefined for %j', (context) => {
    expect(principalFromAuthorizer(context)).toBeUndefined();
  });
});

describe('gateway environment', () => {
  it('defaults to production-safe settings and names what is missing', () => {
    const environment = readGatewayEnvironment({ SUBGRAPH_USERS_FUNCTION: 'u', SUBGRAPH_TODO_FUNCTION: 't' });
    expect(environment).toMatchObject({ MASK_ERRORS: true, GRAPHIQL: false, SUBGRAPH_TIMEOUT_MS: 10_000 });
    expect(() => readGatewayEnvironment({ SUBGRAPH_USERS_FUNCTION: 'u' })).toThrow(/SUBGRAPH_TODO_FUNCTION/);
  });

  it('maps each configured subgraph of the supergraph to its function; media is optional', () => {
    const withoutMedia = readGatewayEnvironment({
      SUBGRAPH_USERS_FUNCTION: 'u',
      SUBGRAPH_TODO_FUNCTION: 't',
    });
    expect(subgraphFunctionNames(withoutMedia)).toEqual({ users: 'u', todo: 't' });
    const withMedia = readGatewayEnvironment({
      SUBGRAPH_USERS_FUNCTION: 'u',
      SUBGRAPH_TODO_FUNCTION: 't',
      SUBGRAPH_MEDIA_FUNCTION: 'm',
    });
    expect(subgraphFunctionNames(withMedia)).toEqual({ users: 'u', todo: 't', media: 'm' });
    expect(() =>
      readGatewayEnvironment({
        SUBGRAPH_USERS_FUNCTION: 'u',
        SUBGRAPH_TODO_FUNCTION: 't',
        SUBGRAPH_MEDIA_FUNCTION: '',
      }),
    ).toThrow(/SUBGRAPH_MEDIA_FUNCTION/);
  });

  it('routes the operations subgraph when its function is configured', () => {
    const withOperations = readGatewayEnvironment({
      SUBGRAPH_USERS_FUNCTION: 'u',
      SUBGRAPH_TODO_FUNCTION: 't',
      SUBGRAPH_OPERATIONS_FUNCTION: 'o',
    });
    expect(subgraphFunctionNames(withOperations)).toEqual({ users: 'u', todo: 't', operations: 'o' });
    expect(() =>
      readGatewayEnvironment({
        SUBGRAPH_USERS_FUNCTION: 'u',
        SUBGRAPH_TODO_FUNCTION: 't',
        SUBGRAPH_OPERATIONS_FUNCTION: '',
      }),
    ).toThrow(/SUBGRAPH_OPERATIONS_FUNCTION/);
  });
});
