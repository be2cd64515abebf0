import { LambdaClient } from '@aws-sdk/client-lambda';
import { createObservability } from '@stratum/runtime';
import { supergraphSdl } from '../generated/supergraph.ts';
import { readGatewayEnvironment, subgraphFunctionNames } from './environment.ts';
import { createLambdaInvoker } from './execution/lambda-invoker.ts';
import { DEFAULT_OPERATION_LIMITS } from './execution/operation-limits.ts';
import { createGatewaySchema } from './execution/supergraph-schema.ts';
import { createGatewayHandler } from './gateway-handler.ts';

const environment = readGatewayEnvironment();
const { logger } = createObservability('gateway');

/** One client per execution environment; honours AWS_ENDPOINT_URL (the sandbox) like every SDK client. */
const lambda = new LambdaClient({});

const invoke = createLambdaInvoker({
  client: lambda,
  functionNames: subgraphFunctionNames(environment),
  timeoutMs: environment.SUBGRAPH_TIMEOUT_MS,
});

export const handler = createGatewayHandler({
  schema: createGatewaySchema(supergraphSdl, invoke),
  limits: DEFAULT_OPERATION_LIMITS,
  maskErrors: environment.MASK_ERRORS,
  graphiql: environment.GRAPHIQL,
  logger,
});
