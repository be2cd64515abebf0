import type { ParsedSubgraphInvocation, SubgraphResult } from '@stratum/gateway/protocol';
import {
  execute,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  validate,
} from 'graphql';
import type { UsersContext } from './context.ts';
import { classifyError } from './error-classification.ts';

/**
 * Runs one operation the gateway sent. Expected errors keep their message and get their code;
 * anything else is logged with the correlation id and masked as INTERNAL.
 */
export async function executeOperation(
  schema: GraphQLSchema,
  invocation: ParsedSubgraphInvocation,
  context: UsersContext,
): Promise<SubgraphResult> {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(invocation.query);
  } catch (error) {
    return { errors: [codedError(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    return { errors: validationErrors.map((error) => codedError(error, 'GRAPHQL_VALIDATION_FAILED')) };
  }
  const result = await execute({
    schema,
    document,
    contextValue: context,
    variableValues: invocation.variables ?? undefined,
    operationName: invocation.operationName ?? undefined,
  });
  if (!result.errors) return { data: result.data ?? null };

  // No `data` key at all means the request failed before execution (e.g. bad variables).
  const requestError = !('data' in result);
  return {
    ...(requestError ? {} : { data: result.data ?? null }),
    errors: result.errors.map((error) => formatError(error, requestError, context)),
  };
}

function codedError(error: GraphQLError, code: string): GraphQLFormattedError {
  return { ...error.toJSON(), extensions: { code } };
}

function formatError(
  error: GraphQLError,
  requestError: boolean,
  context: UsersContext,
): GraphQLFormattedError {
  const formatted = error.toJSON();
  const known = classifyError(error.originalError);
  if (known) {
    return {
      ...formatted,
      message: known.message,
      extensions: { code: known.code, ...(known.field ? { field: known.field } : {}) },
    };
  }
  if (requestError && !error.originalError) return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };

  context.logger.error('Unexpected error in resolver', {
    correlationId: context.correlationId,
    path: error.path,
    error: error.originalError ?? error,
  });
  return {
    message: 'Unexpected error.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL', correlationId: context.correlationId },
  };
}
