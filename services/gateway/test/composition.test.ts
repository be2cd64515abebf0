import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/composition/compose-supergraph.ts';

const sdl = (service: string) =>
  readFileSync(new URL(`../../${service}/src/schema.graphql`, import.meta.url), 'utf8');

describe('supergraph composition', () => {
  it('composes the real users and todo schemas, routed by subgraph name', () => {
    const outcome = composeSupergraph([
      { name: 'users', sdl: sdl('users') },
      { name: 'todo', sdl: sdl('todo') },
    ]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    expect(outcome.supergraphSdl).toContain('@join__graph(name: "users", url: "lambda://users")');
    expect(outcome.supergraphSdl).toContain('@join__graph(name: "todo", url: "lambda://todo")');
    // Todo.createdBy really crosses subgraphs: User is keyed in both, resolvable only in users.
    expect(outcome.supergraphSdl).toMatch(
      /type User\s+@join__type\(graph: TODO, key: "id", resolvable: false\)/,
    );
  });

  it('fails with the errors when two subgraphs disagree on a type', () => {
    const conflicting = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
      type Query { stats: Int }
      "Declares PageInfo again, without @shareable and with another field type."
      type PageInfo { hasNextPage: String! endCursor: String }
    `;
    const outcome = composeSupergraph([
      { name: 'users', sdl: sdl('users') },
      { name: 'stats', sdl: conflicting },
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.join('\n')).toMatch(/PageInfo\.hasNextPage/);
  });

  it('reports a syntax error with the name of the subgraph', () => {
    const outcome = composeSupergraph([{ name: 'broken', sdl: 'type Query { oops: }' }]);
    expect(outcome).toEqual({ ok: false, errors: [expect.stringMatching(/^\[broken\] Syntax Error/)] });
  });
});
