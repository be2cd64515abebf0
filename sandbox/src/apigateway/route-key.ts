import { ApiDefinitionError } from './errors.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
export type RouteMethod = (typeof HTTP_METHODS)[number] | 'ANY';

/** One segment of a route's path: a literal, a `{name}` variable, or the trailing `{name+}`. */
export type PathSegment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

/** A parsed `RouteKey`: `$default`, or a method (or `ANY`) and a path template. */
export type RouteKey =
  | { readonly kind: 'default'; readonly key: '$default' }
  | {
      readonly kind: 'path';
      readonly key: string;
      readonly method: RouteMethod;
      readonly segments: readonly PathSegment[];
    };

const VARIABLE = /^\{([A-Za-z0-9._-]+)(\+?)\}$/;

/**
 * Parses a route key the way API Gateway validates it: `$default`, or `METHOD /path` where the
 * method is one of the HTTP methods or `ANY`, and a greedy `{name+}` may only end the path.
 *
 * @example
 * parseRouteKey('ANY /pets/{proxy+}', 'Route') // → { kind: 'path', method: 'ANY', segments: [...] }
 */
export function parseRouteKey(key: string, resource: string): RouteKey {
  if (key === '$default') {
    return { kind: 'default', key };
  }
  const match = /^([A-Z]+) (\/\S*)$/.exec(key);
  const method = match?.[1];
  const path = match?.[2];
  if (!method || !path) {
    throw new ApiDefinitionError(resource, [`RouteKey "${key}" must be "$default" or "<METHOD> /<path>"`]);
  }
  if (method !== 'ANY' && !(HTTP_METHODS as readonly string[]).includes(method)) {
    throw new ApiDefinitionError(resource, [
      `RouteKey "${key}": method must be ANY or one of ${HTTP_METHODS.join(', ')}`,
    ]);
  }
  const parts = path === '/' ? [] : path.slice(1).split('/');
  const segments = parts.map((part, index): PathSegment => {
    const variable = VARIABLE.exec(part);
    if (!variable?.[1]) {
      if (part === '' || part.includes('{') || part.includes('}')) {
        throw new ApiDefinitionError(resource, [`RouteKey "${key}": invalid path segment "${part}"`]);
      }
      return { kind: 'literal', value: part };
    }
    if (variable[2] === '+') {
      if (index !== parts.length - 1) {
        throw new ApiDefinitionError(resource, [
          `RouteKey "${key}": the greedy variable {${variable[1]}+} must be the last segment`,
        ]);
      }
      return { kind: 'greedy', name: variable[1] };
    }
    return { kind: 'variable', name: variable[1] };
  });
  return { kind: 'path', key, method: method as RouteMethod, segments };
}
