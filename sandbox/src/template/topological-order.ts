import { DependencyCycleError } from './errors.ts';

/**
 * Orders `nodes` so that every node comes after the nodes it depends on. Depth-first in the
 * given order, so the result is deterministic and close to declaration order.
 *
 * @throws DependencyCycleError naming the nodes of the first cycle found, e.g. `A → B → A`.
 *
 * @example
 * ```ts
 * topologicalOrder(['a', 'b'], (n) => (n === 'a' ? ['b'] : []), 'resource'); // ['b', 'a']
 * ```
 */
export function topologicalOrder(
  nodes: readonly string[],
  dependenciesOf: (node: string) => Iterable<string>,
  what: string,
): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const trail: string[] = [];

  const visit = (node: string): void => {
    const seen = state.get(node);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(node)), node];
      throw new DependencyCycleError(
        cycle.slice(0, -1),
        `${what} dependency cycle: ${cycle.join(' → ')}. Break it by removing one of these references.`,
      );
    }
    state.set(node, 'visiting');
    trail.push(node);
    for (const dependency of dependenciesOf(node)) visit(dependency);
    trail.pop();
    state.set(node, 'done');
    order.push(node);
  };

  for (const node of nodes) visit(node);
  return order;
}
