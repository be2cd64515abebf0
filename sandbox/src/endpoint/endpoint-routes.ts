import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsEndpointError } from './endpoint-errors.ts';
import { canonicalService } from './service-names.ts';

/** A local engine listening on its own `http://127.0.0.1:<port>`; requests are proxied there as they are. */
export interface UpstreamRoute {
  readonly upstream: string;
}

/** A handler in this process (the Lambda Invoke API, EventBridge PutEvents, ...). */
export interface HandlerRoute {
  /** May return a promise; a rejection or throw before the answer is sent becomes a 500 InternalFailure. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => unknown;
}

export type RouteTarget = UpstreamRoute | HandlerRoute;

export type ResolvedRoute =
  | { readonly kind: 'upstream'; readonly url: URL }
  | ({ readonly kind: 'handler' } & HandlerRoute);

/** The routes by service; `email` and `streams.dynamodb` are stored under `ses` and `dynamodb`. */
export class EndpointRoutes {
  private readonly routes = new Map<string, ResolvedRoute>();

  constructor(initial: Readonly<Record<string, RouteTarget>> = {}) {
    for (const [service, target] of Object.entries(initial)) this.set(service, target);
  }

  set(service: string, target: RouteTarget): void {
    this.routes.set(canonicalService(service), resolveTarget(service, target));
  }

  delete(service: string): boolean {
    return this.routes.delete(canonicalService(service));
  }

  get(service: string): ResolvedRoute | undefined {
    return this.routes.get(canonicalService(service));
  }

  services(): string[] {
    return [...this.routes.keys()].sort();
  }
}

function resolveTarget(service: string, target: RouteTarget): ResolvedRoute {
  if ('handle' in target && typeof target.handle === 'function')
    return { kind: 'handler', handle: target.handle };
  if ('upstream' in target) {
    let url: URL;
    try {
      url = new URL(target.upstream);
    } catch (error) {
      throw new AwsEndpointError(`Route ${service}: upstream ${target.upstream} is not a URL`, {
        cause: error,
      });
    }
    if (url.protocol !== 'http:' || (url.pathname !== '/' && url.pathname !== '')) {
      throw new AwsEndpointError(
        `Route ${service}: upstream must be an http origin such as http://127.0.0.1:4567, got ${target.upstream}`,
      );
    }
    return { kind: 'upstream', url };
  }
  throw new AwsEndpointError(
    `Route ${service}: a target needs either upstream (a URL) or handle (a function)`,
  );
}
