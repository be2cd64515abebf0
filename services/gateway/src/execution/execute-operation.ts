import type { LruCache } from '@stratum/runtime';
import {
  type DocumentNode,
  execute,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { GraphqlRequest } from '../http/graphql-request.ts';
import type { GraphqlResponseBody } from '../http/responses.ts';
import { formatExecutionError, formatRequestError } from './error-formatting.ts';
import { type OperationLimits, operationLimitRules } from './operation-limits.ts';
import type { GatewayContext } from './subgraph-executor.ts';

export interface ExecutionSettings {
  readonly schema: GraphQLSchema;
  readonly limits: OperationLimits;
  /** Masks unexpected errors and disables introspection (production). */
  readonly maskErrors: boolean;
}

export interface OperationOutcome {
  /** 400 when the operation was refused before execution, 200 otherwise. */
  readonly status: 200 | 400;
  readonly body: GraphqlResponseBody;
}

function refused(error: GraphQLError, code: string, settings: ExecutionSettings): OperationOutcome {
  return { status: 400, body: { errors: [formatRequestError(error, code, settings.maskErrors)] } };
}

/**
 * Runs one client operation: size and token limits while parsing, then depth, alias, directive
 * and cost limits, then the schema's own validation, and only then the subgraph calls. With
 * `accepted`, a query text that passed all of these once in this execution environment is not
 * parsed or validated again (the limits depend on the text alone, never on variables).
 */
export async function executeOperation(
  request: GraphqlRequest,
  context: GatewayContext,
  settings: ExecutionSettings,
  accepted?: LruCache<DocumentNode>,
): Promise<OperationOutcome> {
  let document = accepted?.get(request.query);
  if (!document) {
    const checked = checkDocument(request.query, settings);
    if ('status' in checked) return checked;
    document = checked;
    accepted?.set(request.query, document);
  }
  const result = await execute({
    schema: settings.schema,
    document,
    contextValue: context,
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
  });
  if (!('data' in result) && result.errors) {
    // Refused before execution: bad variables or an unknown operation name.
    return {
      status: 400,
      body: {
        errors: result.errors.map((error) =>
          formatRequestError(error, 'BAD_USER_INPUT', settings.maskErrors),
        ),
      },
    };
  }
  return {
    status: 200,
    body: {
      data: result.data ?? null,
      ...(result.errors
        ? { errors: result.errors.map((error) => formatExecutionError(error, context, settings.maskErrors)) }
        : {}),
    },
  };
}

/** The parsed document, or the refusal when it breaks a limit or does not validate. */
function checkDocument(query: string, settings: ExecutionSettings): DocumentNode | OperationOutcome {
  const { limits } = settings;
  if (query.length > limits.maxQueryLength) {
    const error = new GraphQLError(`Query exceeds ${limits.maxQueryLength} characters.`);
    return refused(error, 'OPERATION_LIMIT_EXCEEDED', settings);
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (error) {
    const parseError = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    const code = /contains more th(?:an|at) \d+ tokens/.test(parseError.message)
      ? 'OPERATION_LIMIT_EXCEEDED'
      : 'GRAPHQL_PARSE_FAILED';
    return refused(parseError, code, settings);
  }

  const limitErrors = validate(settings.schema, document, operationLimitRules(limits));
  if (limitErrors.length > 0) {
    return {
      status: 400,
      body: {
        errors: limitErrors.map((error) =>
          formatRequestError(error, 'OPERATION_LIMIT_EXCEEDED', settings.maskErrors),
        ),
      },
    };
  }
  const rules = settings.maskErrors ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const validationErrors = validate(settings.schema, document, rules);
  if (validationErrors.length > 0) {
    return {
      status: 400,
      body: {
        errors: validationErrors.map((error) =>
          formatRequestError(error, 'GRAPHQL_VALIDATION_FAILED', settings.maskErrors),
        ),
      },
    };
  }
  return document;
}
