export {
  type AccessLogSink,
  type AccessLogValues,
  DEFAULT_ACCESS_LOG_FORMAT,
  renderAccessLog,
} from './access-log.ts';
export {
  type ApiDefinition,
  type AuthorizerDefinition,
  type CorsConfiguration,
  type IntegrationDefinition,
  parseApi,
  parseAuthorizer,
  parseIntegration,
  parseRoute,
  parseStage,
  type RouteDefinition,
  type StageDefinition,
  type ThrottleSettings,
} from './api-definition.ts';
export {
  ApiGatewayEmulator,
  type ApiGatewayEmulatorOptions,
  type DeployedHttpApi,
} from './api-gateway-emulator.ts';
export { ApiDefinitionError, ApiGatewayEmulatorError, UnknownApiResourceError } from './errors.ts';
export type { FunctionInvoker, FunctionResult } from './function-invoker.ts';
export { HttpApi } from './http-api.ts';
export { HttpApiHandler, type HttpApiHandlerOptions } from './http-api-handler.ts';
export { HttpApiServer, type HttpApiServerOptions, MAX_REQUEST_BYTES } from './http-api-server.ts';
