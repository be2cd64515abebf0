export {
  type AwsEndpoint,
  type AwsEndpointOptions,
  createAwsEndpoint,
  DEFAULT_ENDPOINT_PORT,
} from './aws-endpoint.ts';
export { type AwsErrorDetails, sendAwsError } from './aws-error-response.ts';
export { AwsEndpointError, AwsEndpointPortInUseError } from './endpoint-errors.ts';
export type { HandlerRoute, RouteTarget, UpstreamRoute } from './endpoint-routes.ts';
export {
  type Detection,
  type DetectionRule,
  detectService,
  detectServiceFromForm,
  type RequestHead,
} from './service-detection.ts';
export { canonicalService } from './service-names.ts';
