import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LambdaRunner } from '../lambda/lambda-runner.ts';
import type { SandboxUserPool } from './cognito-resource-providers.ts';

/** The function name cognito-local is told to call for a trigger; the router maps it to the pool's own. */
export const ROUTED_TRIGGER_PREFIX = 'stratum-cognito-trigger-';

export const routedTriggerFunction = (trigger: string) => `${ROUTED_TRIGGER_PREFIX}${trigger}`;

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Per-pool Lambda triggers for cognito-local, whose trigger configuration is global (one function per
 * trigger, for every pool). cognito-local is configured to invoke a routed name per trigger through the
 * AWS endpoint; the router sends each invocation to the function the event's own pool declares in
 * `LambdaConfig`. A pool without that trigger gets its event back unchanged, which is what Cognito does
 * when no trigger is set.
 */
export class CognitoTriggerRouter {
  private readonly pools = new Map<string, SandboxUserPool>();

  constructor(private readonly runner: Pick<LambdaRunner, 'invoke'>) {}

  register(pool: SandboxUserPool): void {
    this.pools.set(pool.userPoolId, pool);
  }

  /** The Lambda Invoke route: routed trigger names are answered here, every other call goes to `next`. */
  wrap(next: RequestHandler): RequestHandler {
    return (req, res) => {
      const name = INVOKE_PATH.exec(new URL(req.url ?? '/', 'http://local').pathname)?.[1];
      const decoded = name === undefined ? undefined : decodeURIComponent(name);
      if (!decoded?.startsWith(ROUTED_TRIGGER_PREFIX)) return next(req, res);
      return this.answer(decoded.slice(ROUTED_TRIGGER_PREFIX.length), req, res);
    };
  }

  /** Runs the trigger of the event's pool; the result is the Invoke API's (payload, `X-Amz-Function-Error`). */
  async invoke(trigger: string, payload: string): Promise<{ payload: string; functionError?: string }> {
    let event: { userPoolId?: unknown };
    try {
      event = JSON.parse(payload) as { userPoolId?: unknown };
    } catch {
      return {
        payload: JSON.stringify({ errorType: 'InvalidRequestContentException', errorMessage: 'not JSON' }),
        functionError: 'Unhandled',
      };
    }
    const pool = typeof event.userPoolId === 'string' ? this.pools.get(event.userPoolId) : undefined;
    const functionArn = pool?.triggers[trigger];
    if (!functionArn) return { payload };
    const result = await this.runner.invoke(functionArn, { event });
    return { payload: result.payload, ...(result.functionError && { functionError: result.functionError }) };
  }

  private async answer(trigger: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const result = await this.invoke(trigger, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-amz-executed-version': '$LATEST',
        ...(result.functionError && { 'x-amz-function-error': result.functionError }),
      });
      res.end(result.payload);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceException' });
      res.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
    }
  }
}
