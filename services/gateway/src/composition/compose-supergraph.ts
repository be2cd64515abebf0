import { composeServices } from '@theguild/federation-composition';
import { type DocumentNode, GraphQLError, parse } from 'graphql';

/** One subgraph as the build sees it: its name (also its routing URL) and its schema text. */
export interface SubgraphSource {
  readonly name: string;
  readonly sdl: string;
}

export type CompositionOutcome =
  | { readonly ok: true; readonly supergraphSdl: string }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * The routing URL written into the supergraph for a subgraph. Subgraphs are Lambda functions
 * invoked privately, never over HTTP: the gateway maps this URL's host (the subgraph name) to a
 * function name from its environment.
 */
export function routingUrlOf(subgraphName: string): string {
  return `lambda://${subgraphName}`;
}

/**
 * Composes the subgraph schemas into a supergraph with The Guild's MIT-licensed composition
 * (the same rules as Apollo Federation 2). Never throws for a bad schema: every problem, from a
 * syntax error in one file to a conflict between two, is returned so the build can print all.
 *
 * @example
 * ```ts
 * const outcome = composeSupergraph([{ name: 'users', sdl }, { name: 'todo', sdl: todoSdl }]);
 * if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
 * ```
 */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): CompositionOutcome {
  const parsed: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const errors: string[] = [];
  for (const subgraph of subgraphs) {
    try {
      parsed.push({ name: subgraph.name, url: routingUrlOf(subgraph.name), typeDefs: parse(subgraph.sdl) });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : String(error);
      errors.push(`[${subgraph.name}] ${message}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const result = composeServices(parsed);
  if (result.errors) {
    return { ok: false, errors: result.errors.map((error) => error.message) };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl };
}
