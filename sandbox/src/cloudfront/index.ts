export {
  CloudFrontEmulator,
  type CloudFrontEmulatorOptions,
  type DeployedDistribution,
} from './cloudfront-emulator.ts';
export {
  CloudFrontFunction,
  type CloudFrontFunctionOptions,
  MAX_FUNCTION_CODE_BYTES,
} from './cloudfront-function.ts';
export { type DistributionDefinition, parseDistribution } from './distribution-config.ts';
export type { EdgeRequest, EdgeResponse, HeaderMap } from './edge-message.ts';
export {
  CloudFrontDefinitionError,
  CloudFrontEmulatorError,
  EdgeFunctionError,
  UnknownCloudFrontResourceError,
} from './errors.ts';
export type { EdgeFunctionInvoker } from './lambda-edge.ts';
export {
  MANAGED_CACHE_POLICIES,
  MANAGED_ORIGIN_REQUEST_POLICIES,
  MANAGED_RESPONSE_HEADERS_POLICIES,
} from './managed-policies.ts';
export { PathPattern } from './path-pattern.ts';
export type { S3ObjectSource, S3OriginObject } from './s3-origin.ts';
