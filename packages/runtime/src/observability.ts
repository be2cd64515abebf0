import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** The Powertools trio one function uses, created once per module (cold start). */
export interface Observability {
  readonly logger: Logger;
  readonly tracer: Tracer;
  readonly metrics: Metrics;
}

/**
 * Creates the function's logger, tracer and metrics. Service name and namespace come from
 * `POWERTOOLS_SERVICE_NAME` / `POWERTOOLS_METRICS_NAMESPACE` when the template sets them.
 * Tracing is off outside Lambda (no X-Ray daemon in tests or the sandbox).
 *
 * @example
 * ```ts
 * export const { logger, tracer, metrics } = createObservability('todo');
 * ```
 */
export function createObservability(serviceName: string): Observability {
  const service = process.env.POWERTOOLS_SERVICE_NAME ?? serviceName;
  const inLambda = Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME) && process.env.STRATUM_SANDBOX !== 'true';
  const logger = new Logger({ serviceName: service });
  return {
    logger,
    tracer: new Tracer({ serviceName: service, enabled: inLambda }),
    metrics: new Metrics({
      serviceName: service,
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Stratum',
      // Its warnings (e.g. "no application metrics to publish") become structured log items
      // at WARN level, instead of plain text lines among the JSON logs.
      logger,
    }),
  };
}
