import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/** What one operation may ask for. Checked before any subgraph is called. */
export interface OperationLimits {
  /** Characters of the query string. */
  readonly maxQueryLength: number;
  /** Lexical tokens; stops the parser early on a huge document. */
  readonly maxTokens: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** graphql-armor's cost: objects 2, scalars 1, multiplied by 1.5 per level of depth. */
  readonly maxCost: number;
}

/**
 * @default the limits used by every stage. For scale: a page of todos with their authors
 * (`todos { edges { node { 6 scalars, createdBy { 2 scalars, tenant { 2 scalars } } } } }`)
 * has depth 6 and costs 72.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxQueryLength: 16 * 1024,
  maxTokens: 2_000,
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 20,
  maxCost: 1_000,
};

/** Armor rules report instead of throwing, so one validation pass collects every violation. */
const report = [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)];

export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const common = { propagateOnRejection: false, onReject: report, exposeLimits: true };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true }) as ValidationRule,
    maxAliasesRule({ ...common, n: limits.maxAliases }) as ValidationRule,
    maxDirectivesRule({ ...common, n: limits.maxDirectives }) as ValidationRule,
    costLimitRule({ ...common, maxCost: limits.maxCost }) as ValidationRule,
  ];
}
