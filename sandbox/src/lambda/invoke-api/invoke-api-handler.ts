import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFunctionReference } from '../function-arn.ts';
import type { InvocationRequest, InvocationResult } from '../invocation.ts';
import { FunctionThrottledError } from '../lambda-errors.ts';
import type { LambdaRunner } from '../lambda-runner.ts';
import { LambdaApiError } from './api-error.ts';
import { readBody } from './read-body.ts';
import { tailLog } from './tail-log.ts';

/** Lambda's request limits: 6 MB synchronous, 1 MB asynchronous (since October 2025). */
const SYNC_LIMIT = 6 * 1024 * 1024;
const ASYNC_LIMIT = 1024 * 1024;

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;

export interface InvokeApiOptions {
  /** Told about each `Event` invocation once it has run (its logs went to the log sink already). */
  readonly onAsyncResult?: (functionName: string, result: InvocationResult) => void;
}

/**
 * The Lambda `Invoke` operation (`POST /2015-03-31/functions/{FunctionName}/invocations`) as a
 * Node request handler, for the sandbox's single AWS endpoint or a loopback server of its own.
 * `FunctionName` is a name, partial ARN or ARN; only `$LATEST` exists. Requests are not
 * authenticated: any SigV4 signature (or none) is accepted, as everything is on loopback.
 *
 * @example
 * ```ts
 * const server = createServer(createInvokeApiHandler(runner)).listen(0, '127.0.0.1');
 * const lambda = new LambdaClient({ endpoint: `http://127.0.0.1:${port}`, region, credentials });
 * ```
 */
export function createInvokeApiHandler(
  runner: LambdaRunner,
  options: InvokeApiOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handleInvoke(runner, options, request, response).catch((error: unknown) => {
      const apiError =
        error instanceof LambdaApiError
          ? error
          : new LambdaApiError(
              500,
              'ServiceException',
              error instanceof Error ? error.message : String(error),
            );
      if (!response.headersSent) apiError.send(response);
      else response.end();
    });
  };
}

async function handleInvoke(
  runner: LambdaRunner,
  options: InvokeApiOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = INVOKE_PATH.exec(url.pathname);
  if (request.method !== 'POST' || !path?.[1]) {
    request.resume();
    throw new LambdaApiError(
      404,
      'UnknownOperationException',
      `Unknown operation ${request.method} ${url.pathname}`,
    );
  }
  const name = decodeURIComponent(path[1]);
  const reference = parseFunctionReference(name);
  if (!reference) {
    request.resume();
    throw new LambdaApiError(
      400,
      'ValidationException',
      `1 validation error detected: Value '${name}' at 'functionName' failed to satisfy constraint`,
    );
  }
  const qualifier = url.searchParams.get('Qualifier') ?? reference.qualifier ?? '$LATEST';
  if (!runner.has(reference.functionName) || qualifier !== '$LATEST') {
    request.resume();
    const arn = runner.arnOf(reference.functionName);
    throw new LambdaApiError(
      404,
      'ResourceNotFoundException',
      `Function not found: ${qualifier === '$LATEST' ? arn : `${arn}:${qualifier}`}`,
    );
  }

  const invocationType = headerOf(request, 'x-amz-invocation-type') ?? 'RequestResponse';
  if (!['RequestResponse', 'Event', 'DryRun'].includes(invocationType)) {
    request.resume();
    throw new LambdaApiError(
      400,
      'InvalidParameterValueException',
      `Unsupported invocation type ${invocationType}`,
    );
  }
  const body = await readBody(request, invocationType === 'Event' ? ASYNC_LIMIT : SYNC_LIMIT);
  const invocation: InvocationRequest = {
    event: parsePayload(body),
    ...clientContextOf(request),
    ...traceOf(request),
  };

  if (invocationType === 'DryRun') {
    response.writeHead(204).end();
    return;
  }
  if (invocationType === 'Event') {
    runner
      .invoke(reference.functionName, invocation)
      .then((result) => options.onAsyncResult?.(reference.functionName, result))
      .catch(() => undefined); // the runner closed meanwhile: the event is dropped, as on a deleted function
    response.writeHead(202, { 'Content-Length': 0 }).end();
    return;
  }

  const result = await runner.invoke(reference.functionName, invocation).catch((error: unknown) => {
    if (!(error instanceof FunctionThrottledError)) throw error;
    throw new LambdaApiError(429, 'TooManyRequestsException', 'Rate Exceeded.', {
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    });
  });
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(result.payload),
    'X-Amz-Executed-Version': result.executedVersion,
    'X-Amzn-RequestId': result.awsRequestId,
  };
  if (result.functionError) headers['X-Amz-Function-Error'] = result.functionError;
  if (headerOf(request, 'x-amz-log-type') === 'Tail') {
    headers['X-Amz-Log-Result'] = tailLog(result, runner.definitionOf(reference.functionName).memoryMb);
  }
  response.writeHead(200, headers).end(result.payload);
}

/** The event: the body as JSON; an empty body is `{}`, as Lambda passes it. */
function parsePayload(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new LambdaApiError(
      400,
      'InvalidRequestContentException',
      `Could not parse request body into json: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function clientContextOf(request: IncomingMessage): Pick<InvocationRequest, 'clientContext'> {
  const header = headerOf(request, 'x-amz-client-context');
  if (!header) return {};
  try {
    return { clientContext: JSON.parse(Buffer.from(header, 'base64').toString('utf8')) };
  } catch {
    throw new LambdaApiError(
      400,
      'InvalidRequestContentException',
      'Client context must be a valid Base64-encoded JSON object.',
    );
  }
}

function traceOf(request: IncomingMessage): Pick<InvocationRequest, 'traceId'> {
  const header = headerOf(request, 'x-amzn-trace-id');
  return header ? { traceId: header } : {};
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
