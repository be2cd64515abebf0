import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sendAwsError } from './aws-error-response.ts';
import { AwsEndpointError, AwsEndpointPortInUseError } from './endpoint-errors.ts';
import { EndpointRoutes, type RouteTarget } from './endpoint-routes.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';
import { replayedRequest } from './replayed-request.ts';
import {
  type Detection,
  detectService,
  detectServiceFromForm,
  type RequestHead,
} from './service-detection.ts';
import { UpstreamAgent } from './upstream-agent.ts';
import { proxyToUpstream } from './upstream-proxy.ts';

/** LocalStack's port: tools and habits already point there. */
export const DEFAULT_ENDPOINT_PORT = 4566;
const FALLBACK_PORTS = 20;
/** Query-protocol bodies are read whole to find `Action`; SES `SendRawEmail` allows 10 MB of base64. */
const FORM_BODY_LIMIT = 16 * 1024 * 1024;

export interface AwsEndpointOptions {
  /**
   * Port on 127.0.0.1. Unset: 4566, or the next free port after it (with a notice). A number: that
   * port or an `AwsEndpointPortInUseError`; 0 picks any free port.
   */
  readonly port?: number;
  /** Service name (`dynamodb`, `sqs`, `s3`, `cognito-idp`, `ses`, `lambda`, `events`, ...) → target. */
  readonly routes?: Readonly<Record<string, RouteTarget>>;
  /** Where notices go (the port fallback). @default a line on stderr */
  readonly notice?: (message: string) => void;
}

export interface AwsEndpoint {
  /** `http://127.0.0.1:<port>`: the one `--endpoint-url` / `AWS_ENDPOINT_URL` for every client. */
  readonly url: string;
  readonly port: number;
  /** Adds or replaces the route of a service, effective for the next request. */
  setRoute(service: string, target: RouteTarget): void;
  removeRoute(service: string): boolean;
  /** The services routed, sorted. */
  services(): string[];
  /** Stops listening and closes open connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * One HTTP server that answers for every emulated AWS service and routes each request by service
 * (see `detectService`) to a local engine or an in-process handler, so that SDK v3 clients and the
 * AWS CLI work unchanged with one endpoint URL. No signature is verified (loopback only).
 *
 * @example
 * const endpoint = await createAwsEndpoint({
 *   routes: { dynamodb: { upstream: ddb.endpoint }, lambda: { handle: createInvokeApiHandler(runner) } },
 * });
 * endpoint.setRoute('sqs', { upstream: fauxqs.endpoint });
 */
export async function createAwsEndpoint(options: AwsEndpointOptions = {}): Promise<AwsEndpoint> {
  const routes = new EndpointRoutes(options.routes);
  const agent = new UpstreamAgent();
  const server = createServer((req, res) => {
    void dispatch(routes, agent, req, res);
  });
  const port = await listen(
    server,
    options.port,
    options.notice ?? ((message) => process.stderr.write(`${message}\n`)),
  );
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setRoute: (service, target) => routes.set(service, target),
    removeRoute: (service) => routes.delete(service),
    services: () => routes.services(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}

async function dispatch(
  routes: EndpointRoutes,
  agent: UpstreamAgent,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const head: RequestHead = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
  let detection: Detection = detectService(head);
  let body: Buffer | undefined;
  if (detection.kind === 'needs-body') {
    try {
      body = await readBody(req, FORM_BODY_LIMIT);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendAwsError(head, undefined, res, {
          status: 413,
          code: 'RequestEntityTooLarge',
          message: error.message,
        });
      } else {
        res.destroy(); // the client went away mid-body
      }
      return;
    }
    detection = detectServiceFromForm(body.toString('utf8'));
  }
  if (detection.kind === 'unknown') {
    sendAwsError(head, undefined, res, {
      status: 400,
      code: 'UnknownService',
      message: `The sandbox's AWS endpoint does not know the service of this request (${detection.named}).`,
    });
    return;
  }
  if (detection.kind !== 'service') return;
  const { service } = detection;
  const route = routes.get(service);
  if (route === undefined) {
    const served = routes.services().join(', ') || 'none';
    sendAwsError(head, service, res, {
      status: 400,
      code: 'UnknownService',
      message: `The sandbox does not emulate the AWS service '${service}' (services served here: ${served}).`,
    });
    return;
  }
  if (route.kind === 'upstream') {
    proxyToUpstream({
      req,
      res,
      head,
      service,
      upstream: route.url,
      agent,
      ...(body === undefined ? {} : { body }),
    });
    return;
  }
  try {
    await route.handle(body === undefined ? req : replayedRequest(req, body), res);
  } catch (error) {
    if (res.headersSent) {
      res.destroy(error instanceof Error ? error : undefined);
      return;
    }
    sendAwsError(head, service, res, {
      status: 500,
      code: 'InternalFailure',
      message: `The sandbox's ${service} handler failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

async function listen(
  server: Server,
  port: number | undefined,
  notice: (message: string) => void,
): Promise<number> {
  if (port !== undefined) {
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new AwsEndpointError(`The AWS endpoint's port must be an integer from 0 to 65535, got ${port}`);
    }
    return listenOn(server, port);
  }
  for (
    let candidate = DEFAULT_ENDPOINT_PORT;
    candidate < DEFAULT_ENDPOINT_PORT + FALLBACK_PORTS;
    candidate++
  ) {
    try {
      const bound = await listenOn(server, candidate);
      if (bound !== DEFAULT_ENDPOINT_PORT) {
        notice(
          `AWS endpoint: port ${DEFAULT_ENDPOINT_PORT} is in use; listening on http://127.0.0.1:${bound} instead. ` +
            `Use this URL as AWS_ENDPOINT_URL (or --endpoint-url).`,
        );
      }
      return bound;
    } catch (error) {
      if (!(error instanceof AwsEndpointPortInUseError)) throw error;
    }
  }
  throw new AwsEndpointPortInUseError(DEFAULT_ENDPOINT_PORT, { tried: FALLBACK_PORTS });
}

function listenOn(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.removeListener('listening', onListening);
      reject(
        error.code === 'EADDRINUSE'
          ? new AwsEndpointPortInUseError(port, { cause: error })
          : new AwsEndpointError(`The AWS endpoint cannot listen on 127.0.0.1:${port}: ${error.message}`, {
              cause: error,
            }),
      );
    };
    const onListening = () => {
      server.removeListener('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}
