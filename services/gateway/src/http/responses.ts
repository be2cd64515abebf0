import { CORRELATION_HEADER } from '@stratum/runtime';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { GraphQLFormattedError } from 'graphql';

export interface GraphqlResponseBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

export function jsonResponse(
  status: number,
  body: GraphqlResponseBody,
  correlationId: string,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [CORRELATION_HEADER]: correlationId,
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/** A response with one error and no data, as GraphQL over HTTP shapes request errors. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  correlationId: string,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(
    status,
    { errors: [{ message, extensions: { code, correlationId } }] },
    correlationId,
    headers,
  );
}
