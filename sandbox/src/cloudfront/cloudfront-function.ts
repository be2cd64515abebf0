import { createRequire } from 'node:module';
import vm from 'node:vm';
import type { EdgeRequest, EdgeResponse } from './edge-message.ts';
import { EdgeFunctionError } from './errors.ts';
import {
  type FunctionEventContext,
  functionEvent,
  generatedBody,
  requestFromFunction,
  responseFromFunction,
} from './function-event.ts';

/** CloudFront refuses function code over 10 KB. */
export const MAX_FUNCTION_CODE_BYTES = 10 * 1024;

/** Modules the CloudFront Functions runtime lets code `require`. */
const ALLOWED_MODULES = new Set(['crypto', 'querystring', 'buffer']);
const nodeRequire = createRequire(import.meta.url);

export interface CloudFrontFunctionOptions {
  readonly name: string;
  readonly arn: string;
  readonly code: string;
  readonly runtime: 'cloudfront-js-1.0' | 'cloudfront-js-2.0';
  /** Receives what the function logs with `console.log`. */
  readonly log?: (line: string) => void;
  /**
   * Wall-clock limit of one run. CloudFront limits compute to about a millisecond; locally the
   * first runs are slower, so the default only stops runaway code.
   * @default 1000
   */
  readonly timeoutMs?: number;
}

export type ViewerRequestOutcome =
  | { readonly kind: 'request'; readonly request: EdgeRequest }
  | { readonly kind: 'response'; readonly response: EdgeResponse };

/**
 * A CloudFront Function (`AWS::CloudFront::Function`): its code compiled once, run in a fresh
 * `node:vm` context per event (CloudFront keeps no state between runs) with the runtime's
 * modules (`crypto`, `querystring`, `buffer`; not the KeyValueStore `cloudfront` module), and
 * `async` handlers on the 2.0 runtime. It is a local stand-in for the edge runtime, not a
 * security boundary: it runs the developer's own code from the templates.
 *
 * @example
 * ```ts
 * const fn = CloudFrontFunction.compile({ name: 'rewrite', arn, code, runtime: 'cloudfront-js-2.0' });
 * const outcome = await fn.viewerRequest(context, request);
 * ```
 */
export class CloudFrontFunction {
  private constructor(
    private readonly options: CloudFrontFunctionOptions,
    private readonly script: vm.Script,
  ) {}

  get name(): string {
    return this.options.name;
  }

  /** Compiles `code`, throwing an `EdgeFunctionError` for the syntax errors CloudFront refuses at publish. */
  static compile(options: CloudFrontFunctionOptions): CloudFrontFunction {
    const size = Buffer.byteLength(options.code);
    if (size > MAX_FUNCTION_CODE_BYTES) {
      throw new EdgeFunctionError(
        options.name,
        'publish',
        `code is ${size} bytes; CloudFront allows ${MAX_FUNCTION_CODE_BYTES}`,
      );
    }
    const source = `${options.code}\n;globalThis.__stratumHandler = typeof handler === 'function' ? handler : undefined;`;
    try {
      return new CloudFrontFunction(options, new vm.Script(source, { filename: `${options.name}.js` }));
    } catch (error) {
      throw new EdgeFunctionError(options.name, 'publish', `does not compile: ${String(error)}`, {
        cause: error,
      });
    }
  }

  async viewerRequest(
    context: Omit<FunctionEventContext, 'eventType'>,
    request: EdgeRequest,
  ): Promise<ViewerRequestOutcome> {
    const event = functionEvent({ ...context, eventType: 'viewer-request' }, request);
    const returned = await this.run(event, 'viewer-request');
    if ('statusCode' in returned) {
      return {
        kind: 'response',
        response: this.checked(
          responseFromFunction(returned, generatedBody(returned.body)),
          'viewer-request',
        ),
      };
    }
    const changed = requestFromFunction(request, returned);
    if (!changed.uri.startsWith('/')) {
      throw new EdgeFunctionError(
        this.name,
        'viewer-request',
        `returned a uri that does not start with /: "${changed.uri}"`,
      );
    }
    return { kind: 'request', request: changed };
  }

  /** Runs on the response before the viewer gets it; the body is not visible to the function and stays as it was. */
  async viewerResponse(
    context: Omit<FunctionEventContext, 'eventType'>,
    request: EdgeRequest,
    response: EdgeResponse,
  ): Promise<EdgeResponse> {
    const event = functionEvent({ ...context, eventType: 'viewer-response' }, request, response);
    const returned = await this.run(event, 'viewer-response');
    return this.checked(
      responseFromFunction({ statusCode: response.status, ...returned }, response.body),
      'viewer-response',
    );
  }

  private checked(response: EdgeResponse, eventType: string): EdgeResponse {
    if (!Number.isInteger(response.status) || response.status < 100 || response.status > 599) {
      throw new EdgeFunctionError(
        this.name,
        eventType,
        `returned an invalid statusCode (${String(response.status)})`,
      );
    }
    return response;
  }

  private async run(event: unknown, eventType: string): Promise<Record<string, unknown>> {
    const timeout = this.options.timeoutMs ?? 1000;
    const log = this.options.log ?? (() => {});
    const context = vm.createContext({
      console: { log: (...args: unknown[]) => log(args.map(String).join(' ')) },
      require: (name: string) => {
        if (!ALLOWED_MODULES.has(name)) throw new Error(`Cannot find module '${name}'`);
        return nodeRequire(`node:${name}`);
      },
    });
    let returned: unknown;
    try {
      this.script.runInContext(context, { timeout });
      context.__stratumEvent = vm.runInContext(
        `JSON.parse(${JSON.stringify(JSON.stringify(event))})`,
        context,
      );
      const result: unknown = vm.runInContext(
        'typeof __stratumHandler === "function" ? __stratumHandler(__stratumEvent) : undefined',
        context,
        { timeout },
      );
      if (context.__stratumHandler === undefined) {
        throw new Error('the code defines no function named handler');
      }
      returned = await withTimeout(Promise.resolve(result), timeout);
    } catch (error) {
      throw new EdgeFunctionError(
        this.name,
        eventType,
        error instanceof Error ? error.message : String(error),
        { cause: error },
      );
    }
    if (typeof returned !== 'object' || returned === null) {
      throw new EdgeFunctionError(
        this.name,
        eventType,
        `returned ${returned === null ? 'null' : typeof returned}, not a request or response object`,
      );
    }
    return returned as Record<string, unknown>;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
