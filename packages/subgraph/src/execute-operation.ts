import type { ParsedSubgraphInvocation, SubgraphResult } from '@stratum/gateway/protocol';
import type { Observability } from '@stratum/runtime';
import { execute, type GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { DocumentCache } from './document-cache.ts';

/** What the executor needs from a subgraph's resolver context. */
export interface OperationContext {
  readonly correlationId: string;
  readonly logger: Observability['logger'];
}

/** An error a client may see: its message is kept and it carries a code (and the field at fault). */
export interface ClassifiedError {
  readonly message: string;
  readonly code: string;
  readonly field?: string;
}

/** Maps a resolver's error to what the client sees; `undefined` means unexpected (masked). */
export type ErrorClassifier = (error: unknown) => ClassifiedError | undefined;

/**
 * Runs one operation the gateway sent. Expected errors keep their message and get their code;
 * anything else is logged with the correlation id and masked as INTERNAL.
 */
export async function executeOperation(
  documents: DocumentCache,
  invocation: ParsedSubgraphInvocation,
  context: OperationContext,
  classifyError: ErrorClassifier,
): Promise<SubgraphResult> {
  const checked = documents.check(invocation.query);
  if (!checked.ok) {
    const code = checked.stage === 'parse' ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED';
    return { errors: checked.errors.map((error) => codedError(error, code)) };
  }
  const result = await execute({
    schema: documents.schema,
    document: checked.document,
    contextValue: context,
    variableValues: invocation.variables ?? undefined,
    operationName: invocation.operationName ?? undefined,
  });
  if (!result.errors) return { data: result.data ?? null };

  // No `data` key at all means the request failed before execution (e.g. bad variables).
  const requestError = !('data' in result);
  return {
    ...(requestError ? {} : { data: result.data ?? null }),
    errors: result.errors.map((error) => formatError(error, requestError, context, classifyError)),
  };
}

function codedError(error: GraphQLError, code: string): GraphQLFormattedError {
  return { ...error.toJSON(), extensions: { code } };
}

function formatError(
  error: GraphQLError,
  requestError: boolean,
  context: OperationContext,
  classifyError: ErrorClassifier,
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
