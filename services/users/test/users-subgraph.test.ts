import { DataValidationError } from '@stratum/data';
import { createObservability } from '@stratum/runtime';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryDataStore } from '../../gateway/test/support/in-memory-data-store.ts';
import { InMemoryEventData } from '../../gateway/test/support/in-memory-event-data.ts';
import { createUsersHandler } from '../src/users-handler.ts';

const ada = { principalType: 'customer', userId: 'user-a1', tenantId: 'tenant-a', role: 'owner', groups: [] };

function setUp() {
  const store = new InMemoryDataStore();
  store.seedTenant('tenant-a', 'Acme', [
    { userId: 'user-a1', email: 'ada@a.test', displayName: 'Ada', role: 'owner' },
  ]);
  const { logger } = createObservability('users-test');
  logger.setLogLevel('SILENT');
  const errorLog = vi.spyOn(logger, 'error');
  return {
    store,
    errorLog,
    handler: createUsersHandler({
      dataStore: () => store,
      eventData: () => new InMemoryEventData(),
      push: null,
      logger,
    }),
  };
}

describe('users subgraph handler', () => {
  it('refuses an invocation that does not match the gateway protocol', async () => {
    const { handler, errorLog } = setUp();
    for (const event of [
      {},
      { query: '{ me { id } }', correlationId: 'c' },
      { query: '{ me { id } }', principal: { principalType: 'customer' }, correlationId: 'c' },
    ]) {
      await expect(handler(event)).resolves.toEqual({
        errors: [{ message: 'Invalid subgraph invocation.', extensions: { code: 'INVALID_INVOCATION' } }],
      });
    }
    expect(errorLog).toHaveBeenCalledTimes(3);
  });

  it('resolves User entities for other subgraphs within the caller tenant, null for a departed member', async () => {
    const { handler } = setUp();
    const result = await handler({
      query:
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id displayName role } } }',
      variables: {
        r: [
          { __typename: 'User', id: 'user-a1' },
          { __typename: 'User', id: 'user-gone' },
        ],
      },
      principal: ada,
      correlationId: 'c1',
    });
    expect(result).toEqual({
      data: { _entities: [{ id: 'user-a1', displayName: 'Ada', role: 'OWNER' }, null] },
    });
  });

  it('serves its SDL to composition tools through _service', async () => {
    const { handler } = setUp();
    const result = await handler({ query: '{ _service { sdl } }', principal: ada, correlationId: 'c1' });
    const sdl = (result.data?._service as { sdl?: string } | undefined)?.sdl ?? '';
    expect(sdl).toContain('type User @key(fields: "id")');
  });

  it('maps a data-layer validation error to BAD_USER_INPUT with its field', async () => {
    const { handler, store } = setUp();
    store.members.list = async () => {
      throw new DataValidationError('cursor', 'not a cursor returned by this API');
    };
    const result = await handler({
      query: '{ members(after: "zzz") { edges { cursor } } }',
      principal: ada,
      correlationId: 'c1',
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'Invalid after: not a cursor returned by this API.',
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      }),
    ]);
  });

  it('masks an unexpected error as INTERNAL and logs it with the correlation id', async () => {
    const { handler, store, errorLog } = setUp();
    store.tenants.get = async () => {
      throw new TypeError('Cannot read properties of undefined (internal detail)');
    };
    const result = await handler({ query: '{ tenant { name } }', principal: ada, correlationId: 'corr-9' });
    expect(result).toEqual({
      data: null,
      errors: [
        {
          message: 'Unexpected error.',
          locations: [{ line: 1, column: 3 }],
          path: ['tenant'],
          extensions: { code: 'INTERNAL', correlationId: 'corr-9' },
        },
      ],
    });
    expect(errorLog).toHaveBeenCalledWith(
      'Unexpected error in resolver',
      expect.objectContaining({ correlationId: 'corr-9' }),
    );
  });

  it('checks the stored role, not the token claim, for owner-only mutations', async () => {
    const { handler, store } = setUp();
    store.seedTenant('tenant-a', 'Acme', [
      { userId: 'user-a1', email: 'ada@a.test', displayName: 'Ada', role: 'member' },
    ]);
    const result = await handler({
      query: 'mutation { renameTenant(name: "X") { id } }',
      principal: ada,
      correlationId: 'c',
    });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(store.tenantsById.get('tenant-a')?.name).toBe('Acme');
  });
});
