export { MetricUnit } from '@aws-lambda-powertools/metrics';
export { CORRELATION_HEADER, correlationIdFrom } from './correlation.ts';
export { EnvironmentError, readEnvironment } from './environment.ts';
export { type InstrumentOptions, instrumentHandler, type LambdaHandler } from './instrumented-handler.ts';
export { LruCache } from './lru-cache.ts';
export { createObservability, type Observability } from './observability.ts';
