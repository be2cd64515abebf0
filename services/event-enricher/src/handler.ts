import { createObservability, instrumentHandler } from '@stratum/runtime';
import { createEnricherHandler } from './enricher-handler.ts';

const observability = createObservability('event-enricher');
const { logger, metrics } = observability;

/**
 * Pipe enrichment entry. No environment: the mapping is pure. Responses carry tenant data
 * (titles, e-mail addresses): they stay out of the trace.
 */
export const handler = instrumentHandler(observability, createEnricherHandler({ logger, metrics }), {
  captureResponse: false,
});
