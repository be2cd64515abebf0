import { describe, expect, it } from 'vitest';
import { SubgraphInvocationError } from '../src/gateway-error.ts';
import { createFederatedHarness, principals } from './support/federated-harness.ts';

const failing = async (subgraph: string) => {
  throw new SubgraphInvocationError(
    subgraph,
    'function error (Unhandled): Task timed out after 10.00 seconds',
  );
};

describe('a failing subgraph', () => {
  it('turns a users failure into a field error while the todo data is still served', async () => {
    const healthy = createFederatedHarness();
    await healthy.graphql(
      principals.ownerA,
      'mutation { createTodo(input: { title: "still here" }) { id } }',
    );

    const harness = createFederatedHarness({ override: { users: failing } });
    // Share the healthy harness's data: the todo exists, the users subgraph is down.
    harness.store.todosByTenant.set('tenant-a', healthy.store.todosByTenant.get('tenant-a') ?? new Map());
    const response = await harness.graphql(
      principals.ownerA,
      '{ todos { edges { node { title createdBy { displayName } } } } }',
    );
    expect(response.status).toBe(200);
    expect(response.body.data.todos.edges).toEqual([{ node: { title: 'still here', createdBy: null } }]);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: 'The users service is unavailable.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      }),
    ]);
    expect(harness.errorLog).toHaveBeenCalledWith(
      'Subgraph call failed',
      expect.objectContaining({ subgraph: 'users', error: expect.any(SubgraphInvocationError) }),
    );
  });

  it('keeps the other root fields when one subgraph fails', async () => {
    const harness = createFederatedHarness({ override: { todo: failing } });
    // `todo` is nullable, so its failure stays local (a non-null root field would null `data`).
    const response = await harness.graphql(
      principals.ownerA,
      '{ me { displayName } todo(id: "01JZ0000000000000000000001") { id } }',
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ me: { displayName: 'Ada' }, todo: null });
    expect(response.body.errors[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
  });

  it('treats a malformed subgraph answer as unavailable, not as data', async () => {
    const harness = createFederatedHarness({ override: { todo: async () => ({ data: 'not an object' }) } });
    const response = await harness.graphql(principals.ownerA, '{ todos { edges { cursor } } }');
    expect(response.status).toBe(200);
    expect(response.body.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  });

  it('masks an unexpected subgraph error and logs it with the correlation id', async () => {
    const harness = createFederatedHarness();
    harness.store.todos.list = async () => {
      throw new Error('ProvisionedThroughputExceededException: secret table name');
    };
    const response = await harness.send(
      (await import('./support/federated-harness.ts')).httpEvent({
        principal: principals.ownerA,
        headers: { 'x-correlation-id': 'corr-err' },
        body: '{"query":"{ todos { edges { cursor } } }"}',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL', correlationId: 'corr-err' },
      }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain('secret');
    expect(harness.errorLog).toHaveBeenCalledWith(
      'Unexpected error in resolver',
      expect.objectContaining({ correlationId: 'corr-err' }),
    );
  });
});
