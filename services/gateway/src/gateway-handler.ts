import { correlationIdFrom, LruCache, type Observability } from '@stratum/runtime';
import type {
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { DocumentNode } from 'graphql';
import { type ExecutionSettings, executeOperation } from './execution/execute-operation.ts';
import { RequestRejectedError } from './gateway-error.ts';
import { graphiqlPage } from './http/graphiql-page.ts';
import { parseGraphqlRequest } from './http/graphql-request.ts';
import { principalFromAuthorizer } from './http/principal-from-authorizer.ts';
import { errorResponse, jsonResponse } from './http/responses.ts';

/** Distinct operations a warm gateway keeps parsed and validated (an app sends a few dozen). */
const ACCEPTED_DOCUMENTS = 500;

export type GatewayEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<Record<string, unknown> | undefined>;
export type GatewayHandler = (event: GatewayEvent) => Promise<APIGatewayProxyStructuredResultV2>;

export interface GatewayHandlerOptions extends ExecutionSettings {
  /** Serve GraphiQL on GET (local and dev stages only). */
  readonly graphiql: boolean;
  readonly logger: Observability['logger'];
}

/**
 * The gateway Lambda behind `POST /graphql` (API Gateway HTTP API, payload v2). The Lambda
 * authorizer has already verified the caller; its context is the only source of the principal.
 */
export function createGatewayHandler(options: GatewayHandlerOptions): GatewayHandler {
  const { logger } = options;
  // Query texts that passed the limits and validation in this execution environment.
  const accepted = new LruCache<DocumentNode>(ACCEPTED_DOCUMENTS);
  return async (event) => {
    const correlationId = correlationIdFrom(event.headers);
    logger.appendKeys({ correlationId });
    try {
      const method = event.requestContext.http.method.toUpperCase();
      if (method === 'GET' && options.graphiql) {
        return {
          statusCode: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'x-correlation-id': correlationId },
          body: graphiqlPage(),
        };
      }
      if (method !== 'POST') {
        throw new RequestRejectedError(405, 'BAD_REQUEST', 'Use POST for GraphQL requests.', {
          allow: 'POST',
        });
      }
      const principal = principalFromAuthorizer(event.requestContext.authorizer?.lambda);
      if (!principal) throw new RequestRejectedError(401, 'UNAUTHENTICATED', 'Authentication required.');
      const request = parseGraphqlRequest({
        headers: event.headers ?? {},
        ...(event.body === undefined ? {} : { body: event.body }),
        isBase64Encoded: event.isBase64Encoded,
      });
      const outcome = await executeOperation(
        request,
        { principal, correlationId, logger },
        options,
        accepted,
      );
      return jsonResponse(outcome.status, outcome.body, correlationId);
    } catch (error) {
      if (error instanceof RequestRejectedError) {
        logger.info('Request rejected', { status: error.status, reason: error.message });
        return errorResponse(error.status, error.code, error.message, correlationId, error.headers);
      }
      logger.error('Unhandled gateway error', { error });
      const message = options.maskErrors ? 'Unexpected error.' : (error as Error).message;
      return errorResponse(500, 'INTERNAL', message, correlationId);
    } finally {
      logger.resetKeys();
    }
  };
}
