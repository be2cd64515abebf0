import type { Context } from 'aws-lambda';
import type { Observability } from './observability.ts';

/** A Lambda handler as Stratum writes them: async, the context optional so tests may omit it. */
export type LambdaHandler<E, R> = (event: E, context?: Context) => Promise<R>;

export interface InstrumentOptions<E> {
  /**
   * Reads the invocation's correlation id from the event. When given, the id is added to every
   * log line of the invocation as `correlationId` and removed afterwards, so that a warm
   * execution environment never logs the previous caller's id.
   */
  readonly correlationId?: (event: E) => string | undefined;
  /**
   * Record the handler's return value as metadata of the `## handler` subsegment. Turn it off
   * when responses carry user data or may exceed the 64 KB segment document limit.
   * @default true
   */
  readonly captureResponse?: boolean;
}

const CORRELATION_KEY = 'correlationId';

/**
 * Wraps a handler with the Powertools "manual instrumentation" of logger, tracer and metrics,
 * without middy or decorators. Per invocation it:
 *
 * - adds the Lambda context (request id, cold start, function) to the logger;
 * - when tracing is enabled, opens a `## <handler>` subsegment annotated with cold start and
 *   service name, records the response or the error on it and closes it;
 * - emits the `ColdStart` metric on the first invocation of the execution environment;
 * - always flushes the stored metrics as one EMF document, also when the handler throws.
 *
 * @example
 * ```ts
 * const observability = createObservability('todo');
 * export const handler = instrumentHandler(observability, createTodoHandler(deps), {
 *   correlationId: (event) => event.correlationId,
 * });
 * ```
 */
export function instrumentHandler<E, R>(
  observability: Observability,
  handler: LambdaHandler<E, R>,
  options: InstrumentOptions<E> = {},
): LambdaHandler<E, R> {
  const { logger, tracer, metrics } = observability;
  const captureResponse = options.captureResponse ?? true;
  return async (event, context) => {
    if (context) logger.addContext(context);
    const correlationId = options.correlationId?.(event);
    if (correlationId) logger.appendKeys({ [CORRELATION_KEY]: correlationId });
    metrics.captureColdStartMetric(context?.functionName);

    // The facade segment is created by Lambda; undefined when tracing is disabled.
    const lambdaSegment = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
    const handlerSegment = lambdaSegment?.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
    if (handlerSegment) {
      tracer.setSegment(handlerSegment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
    }
    try {
      const response = await handler(event, context);
      if (handlerSegment && captureResponse) tracer.addResponseAsMetadata(response, process.env._HANDLER);
      return response;
    } catch (error) {
      if (handlerSegment) tracer.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      if (lambdaSegment && handlerSegment) {
        try {
          handlerSegment.close();
        } catch (error) {
          // A segment that cannot be closed must not turn a good response into a failure.
          logger.warn('Could not close the handler subsegment', { error });
        }
        tracer.setSegment(lambdaSegment);
      }
      if (correlationId) logger.removeKeys([CORRELATION_KEY]);
      if (metrics.hasStoredMetrics()) {
        metrics.publishStoredMetrics();
      } else {
        // Publishing nothing would log Powertools' "no application metrics" warning on every
        // read-only invocation; clearing leaves the next invocation just as clean.
        metrics.clearDimensions();
        metrics.clearMetadata();
      }
    }
  };
}
