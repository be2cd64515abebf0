import { describe, expect, it } from 'vitest';
import { createFederatedHarness, principals } from './support/federated-harness.ts';

/** `me` then `repeat` × (tenant → members → edges → node), then `id`: depth 2 + 4 × repeat. */
function nested(repeat: number): string {
  const open = 'tenant { members { edges { node { '.repeat(repeat);
  return `{ me { ${open}id${' } } } }'.repeat(repeat)} } }`;
}

describe('operation limits', () => {
  it('accepts a realistic deep query', async () => {
    const harness = createFederatedHarness();
    const response = await harness.graphql(principals.ownerA, nested(1));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it.each([
    ['too deep', nested(2), /depth limit of 8/i],
    [
      'too many aliases',
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
      /aliases limit of 15/i,
    ],
    ['too many directives', `{ me { id ${'@skip(if: false) '.repeat(21)} } }`, /directives limit of 20/i],
    [
      'too costly',
      `{ ${Array.from({ length: 15 }, (_, i) => `t${i}: todos { edges { node { id title notes tags status dueDate createdBy { displayName email tenant { name id } } } } }`).join(' ')} }`,
      /cost limit of 1000/i,
    ],
    ['too many tokens', `{ me { ${'id '.repeat(2100)} } }`, /contains more th(?:an|at) 2000 tokens/i],
    ['too long', `{ me { id } } ${'#'.repeat(17 * 1024)}`, /exceeds 16384 characters/],
  ])('refuses a query that is %s with 400, before any subgraph call', async (_, query, message) => {
    const harness = createFederatedHarness();
    const response = await harness.graphql(principals.ownerA, query);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors.length).toBeGreaterThan(0);
    expect(response.body.errors[0].message).toMatch(message);
    expect(response.body.errors[0].extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(harness.invocations).toHaveLength(0);
  });

  it('refuses a repeated over-limit query every time (refusals are never kept as accepted)', async () => {
    const harness = createFederatedHarness();
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await harness.graphql(principals.ownerA, nested(2));
      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
    }
    expect(harness.invocations).toHaveLength(0);
  });

  it('answers a repeated accepted query the same way, with fresh variables each time', async () => {
    const harness = createFederatedHarness();
    const query = 'query Todos($first: Int) { todos(first: $first) { edges { node { id } } } }';
    const first = await harness.graphql(principals.ownerA, query, { first: 1 });
    const again = await harness.graphql(principals.ownerA, query, { first: 'one' });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    // The document was accepted before, but variables are still checked against it.
    expect(again.status).toBe(400);
    expect(again.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const harness = createFederatedHarness();
    const response = await harness.graphql(principals.ownerA, '{ me { id } }', {
      padding: 'x'.repeat(70_000),
    });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(harness.invocations).toHaveLength(0);
  });
});
