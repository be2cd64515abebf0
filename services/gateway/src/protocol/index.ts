/** The contract between the gateway and its subgraph Lambdas, shared by both sides. */
export {
  EXPECTED_ERROR_CODES,
  type ExpectedErrorCode,
  INTERNAL_ERROR_CODE,
  isExpectedErrorCode,
} from './error-codes.ts';
export {
  type ParsedSubgraphInvocation,
  type SubgraphInvocation,
  type SubgraphResult,
  subgraphInvocationSchema,
} from './invocation.ts';
export { type CustomerPrincipal, type Principal, principalSchema, type StaffPrincipal } from './principal.ts';
