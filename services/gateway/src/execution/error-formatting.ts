import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { INTERNAL_ERROR_CODE, isExpectedErrorCode } from '../protocol/index.ts';
import type { GatewayContext } from './subgraph-executor.ts';

const SUGGESTION = /\s*Did you mean .*\?$/;

/**
 * Shapes an execution error for the client. Expected errors (a known `extensions.code`, most
 * of them set by the subgraphs) keep their message and code. Anything else is logged with the
 * correlation id and, when `maskErrors` is on, replaced by "Unexpected error.".
 */
export function formatExecutionError(
  error: GraphQLError,
  context: GatewayContext,
  maskErrors: boolean,
): GraphQLFormattedError {
  const formatted = error.toJSON();
  const code = error.extensions?.code;
  const location = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (isExpectedErrorCode(code)) {
    const field = error.extensions?.field;
    return { message: error.message, ...location, extensions: { code, ...(field ? { field } : {}) } };
  }
  if (code === INTERNAL_ERROR_CODE) {
    // Already masked and logged by the subgraph, under the same correlation id.
    return {
      message: error.message,
      ...location,
      extensions: { code, correlationId: context.correlationId },
    };
  }
  context.logger.error('Unexpected error while executing an operation', {
    correlationId: context.correlationId,
    path: error.path,
    error: error.originalError ?? error,
  });
  return {
    message: maskErrors ? 'Unexpected error.' : error.message,
    ...location,
    extensions: { code: INTERNAL_ERROR_CODE, correlationId: context.correlationId },
  };
}

/** A parse or validation error; in masked mode, schema hints ("Did you mean …?") are removed. */
export function formatRequestError(
  error: GraphQLError,
  code: string,
  maskErrors: boolean,
): GraphQLFormattedError {
  const formatted = error.toJSON();
  const message = maskErrors ? error.message.replace(SUGGESTION, '') : error.message;
  // graphql-armor and the parser's token limit word their refusals as syntax errors; they are not.
  const cleaned = code === 'OPERATION_LIMIT_EXCEEDED' ? message.replace(/^Syntax Error: /, '') : message;
  return { ...formatted, message: cleaned, extensions: { code } };
}
