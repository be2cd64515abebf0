import { LambdaClient } from '@aws-sdk/client-lambda';
import { createObservability, instrumentHandler, MetricUnit, type Observability } from '@stratum/runtime';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { supergraphSdl } from '../generated/supergraph.ts';
import { readGatewayEnvironment, subgraphFunctionNames } from './environment.ts';
import { createLambdaInvoker } from './execution/lambda-invoker.ts';
import { DEFAULT_OPERATION_LIMITS } from './execution/operation-limits.ts';
import { createGatewaySchema } from './execution/supergraph-schema.ts';
import { createGatewayHandler, type GatewayEvent } from './gateway-handler.ts';

const environment = readGatewayEnvironment();
const observability = createObservability('gateway');
const { logger, tracer, metrics } = observability;

/**
 * One client per execution environment; honours AWS_ENDPOINT_URL (the sandbox) like every SDK
 * client. Captured, so that each subgraph call is an X-Ray subsegment of the gateway's trace.
 */
const lambda = tracer.captureAWSv3Client(new LambdaClient({}));

const invoke = createLambdaInvoker({
  client: lambda,
  functionNames: subgraphFunctionNames(environment),
  timeoutMs: environment.SUBGRAPH_TIMEOUT_MS,
});

const gateway = createGatewayHandler({
  schema: createGatewaySchema(supergraphSdl, invoke),
  limits: DEFAULT_OPERATION_LIMITS,
  maskErrors: environment.MASK_ERRORS,
  graphiql: environment.GRAPHIQL,
  logger,
});

/** The error codes of a GraphQL JSON response, or null for anything else (the GraphiQL page). */
function errorCodesOf(response: APIGatewayProxyStructuredResultV2): string[] | null {
  if (!response.headers?.['content-type']?.toString().startsWith('application/json')) return null;
  const body: unknown = JSON.parse(response.body ?? '{}');
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors))
    return [];
  return body.errors.map((error: { extensions?: { code?: unknown } }) => String(error.extensions?.code));
}

/**
 * The gateway's business metrics, read from the response it sends: every GraphQL response
 * counts as an operation; one that carries errors counts once in `GraphQLErrors`; one refused
 * by the operation limits (depth, cost, size, ...) also counts in `LimitRejections`.
 */
function recordOperationMetrics(response: APIGatewayProxyStructuredResultV2, into: Observability['metrics']) {
  const codes = errorCodesOf(response);
  if (codes === null) return;
  into.addMetric('GraphQLOperations', MetricUnit.Count, 1);
  if (codes.length > 0) into.addMetric('GraphQLErrors', MetricUnit.Count, 1);
  if (codes.includes('OPERATION_LIMIT_EXCEEDED')) into.addMetric('LimitRejections', MetricUnit.Count, 1);
}

/** Responses carry tenant data and may be large: they stay out of the trace. */
export const handler = instrumentHandler(
  observability,
  async (event: GatewayEvent) => {
    const response = await gateway(event);
    recordOperationMetrics(response, metrics);
    return response;
  },
  { captureResponse: false },
);
