export { CORRELATION_HEADER, correlationIdFrom } from './correlation.ts';
export { EnvironmentError, readEnvironment } from './environment.ts';
export { createObservability, type Observability } from './observability.ts';
