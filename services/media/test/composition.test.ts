import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../gateway/src/composition/compose-supergraph.ts';

const schemaOf = (service: string) =>
  readFileSync(new URL(`../../${service}/src/schema.graphql`, import.meta.url), 'utf8');

/** The todo subgraph must declare Todo as an entity for this subgraph to add `Todo.media`. */
const todoAsEntity = (sdl: string) =>
  sdl.includes('type Todo @key(') ? sdl : sdl.replace('type Todo {', 'type Todo @key(fields: "id") {');

describe('media subgraph in the supergraph', () => {
  it('composes with users and todo, adding Todo.media, Media and the upload mutations', () => {
    const outcome = composeSupergraph([
      { name: 'users', sdl: schemaOf('users') },
      { name: 'todo', sdl: todoAsEntity(schemaOf('todo')) },
      { name: 'media', sdl: schemaOf('media') },
    ]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const sdl = outcome.supergraphSdl;
    expect(sdl).toMatch(/media: \[Media!\]! @join__field\(graph: MEDIA\)/);
    expect(sdl).toMatch(
      /createUpload\(todoId: ID!, contentType: String!, size: Int!\): UploadTicket! @join__field\(graph: MEDIA\)/,
    );
    expect(sdl).toMatch(/type Media @join__type\(graph: MEDIA, key: "id"\)/);
  });
});
