/** Receives one access-log line per request (the stage's format rendered, usually JSON). */
export type AccessLogSink = (line: string) => void;

/** The `$context` values of one finished request that access-log formats can use. */
export interface AccessLogValues {
  readonly requestId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly domainName: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly requestTime: string;
  readonly requestTimeEpoch: number;
  readonly httpMethod: string;
  readonly path: string;
  readonly protocol: string;
  /** `-` when no route matched. */
  readonly routeKey: string;
  readonly status: number;
  readonly responseLength: number;
  readonly responseLatency: number;
  readonly integrationLatency?: number;
  readonly integrationStatus?: number;
  readonly integrationErrorMessage?: string;
  readonly authorizerError?: string;
  readonly errorMessage?: string;
}

/** The format used when the stage declares none: the fields an operator reads first. */
export const DEFAULT_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  errorMessage: '$context.error.message',
});

/**
 * Renders an access-log format (`AccessLogSettings.Format`) the way API Gateway does:
 * each `$context.<name>` becomes its value, `-` when it has none. Values are escaped for a
 * JSON string, since the formats in use are JSON and a user agent may contain quotes.
 *
 * @example
 * renderAccessLog('{"status":"$context.status"}', values) // → '{"status":"200"}'
 */
export function renderAccessLog(format: string, values: AccessLogValues): string {
  const variables: Record<string, string | number | undefined> = {
    requestId: values.requestId,
    extendedRequestId: values.requestId,
    apiId: values.apiId,
    stage: values.stage,
    domainName: values.domainName,
    'identity.sourceIp': values.sourceIp,
    'identity.userAgent': values.userAgent,
    requestTime: values.requestTime,
    requestTimeEpoch: values.requestTimeEpoch,
    httpMethod: values.httpMethod,
    path: values.path,
    protocol: values.protocol,
    routeKey: values.routeKey,
    status: values.status,
    responseLength: values.responseLength,
    responseLatency: values.responseLatency,
    integrationLatency: values.integrationLatency,
    integrationStatus: values.integrationStatus,
    'integration.latency': values.integrationLatency,
    'integration.status': values.integrationStatus,
    integrationErrorMessage: values.integrationErrorMessage,
    'integration.error': values.integrationErrorMessage,
    'authorizer.error': values.authorizerError,
    'error.message': values.errorMessage,
  };
  return format.replace(/\$context\.([A-Za-z0-9_.]*[A-Za-z0-9_])/g, (_, name: string) => {
    const value = variables[name];
    return value === undefined || value === '' ? '-' : JSON.stringify(String(value)).slice(1, -1);
  });
}
