import type { PathSegment, RouteKey } from './route-key.ts';

/** A route the table can select: its parsed key and whatever the caller attaches to it. */
export interface RoutableRoute {
  readonly routeKey: RouteKey;
}

export interface RouteMatch<R extends RoutableRoute> {
  readonly route: R;
  /** Variable name → the decoded path segment(s); empty for `$default` and literal routes. */
  readonly pathParameters: Readonly<Record<string, string>>;
}

const SEGMENT_RANK: Record<PathSegment['kind'], number> = { literal: 3, variable: 2, greedy: 1 };

/**
 * Selects the route API Gateway would: the most specific match for the method and path, then
 * `$default`; `undefined` means API Gateway's 404. Specificity is compared segment by segment
 * from the left (a literal beats `{var}`, which beats a greedy `{var+}`), then an exact method
 * beats `ANY`. So for `GET /pets/dog/1`: `GET /pets/dog/1` > `GET /pets/dog/{id}` >
 * `ANY /pets/{proxy+}` > `ANY /{proxy+}` > `$default` (the documented example).
 *
 * @param segments the request path split on `/` (without the leading one), each decoded.
 */
export function selectRoute<R extends RoutableRoute>(
  routes: Iterable<R>,
  method: string,
  segments: readonly string[],
): RouteMatch<R> | undefined {
  let best: { match: RouteMatch<R>; rank: number[] } | undefined;
  let fallback: R | undefined;
  for (const route of routes) {
    const key = route.routeKey;
    if (key.kind === 'default') {
      fallback ??= route;
      continue;
    }
    if (key.method !== 'ANY' && key.method !== method) {
      continue;
    }
    const pathParameters = matchSegments(key.segments, segments);
    if (!pathParameters) {
      continue;
    }
    const rank = [...key.segments.map((segment) => SEGMENT_RANK[segment.kind]), key.method === 'ANY' ? 0 : 1];
    if (!best || compareRanks(rank, best.rank) > 0) {
      best = { match: { route, pathParameters }, rank };
    }
  }
  if (best) {
    return best.match;
  }
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}

function matchSegments(
  template: readonly PathSegment[],
  segments: readonly string[],
): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index];
    if (part.kind === 'greedy') {
      // A greedy variable takes the rest of the path, which must not be empty.
      const rest = segments.slice(index).join('/');
      if (rest === '') {
        return undefined;
      }
      parameters[part.name] = rest;
      return parameters;
    }
    if (segment === undefined) {
      return undefined;
    }
    if (part.kind === 'literal') {
      if (part.value !== segment) {
        return undefined;
      }
    } else if (segment === '') {
      return undefined;
    } else {
      parameters[part.name] = segment;
    }
  }
  return template.length === segments.length ? parameters : undefined;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  // Both routes matched the same path, so they differ before either one runs out.
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return a.length - b.length;
}
