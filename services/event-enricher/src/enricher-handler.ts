import { type DomainEvent, domainEventsFromStreamRecord } from '@stratum/events';
import { type LambdaHandler, MetricUnit, type Observability } from '@stratum/runtime';
import { EnrichmentInputError } from './errors.ts';

export interface EnricherDependencies {
  readonly logger: Observability['logger'];
  readonly metrics: Observability['metrics'];
}

/**
 * The Pipe's enrichment: a batch of table stream records in, the domain events they mean out
 * (often fewer, sometimes none: Pipes then skips the target). Pure mapping from
 * `@stratum/events`; a record that cannot be mapped fails the whole batch loudly, so that the
 * Pipe retries it, bisects the batch down to the bad record and sends that one to its DLQ.
 */
export function createEnricherHandler(
  dependencies: EnricherDependencies,
): LambdaHandler<unknown, DomainEvent[]> {
  const { logger, metrics } = dependencies;
  return async (batch) => {
    if (!Array.isArray(batch))
      throw new EnrichmentInputError(`got ${batch === null ? 'null' : typeof batch}`);
    const events: DomainEvent[] = [];
    for (const record of batch) {
      try {
        events.push(...domainEventsFromStreamRecord(record));
      } catch (error) {
        logger.error('Stream record cannot be mapped to domain events', {
          error,
          streamEventId: (record as { eventID?: unknown } | null)?.eventID,
        });
        throw error;
      }
    }
    for (const event of events) {
      logger.info('Domain event', {
        detailType: event.detailType,
        eventId: event.detail.eventId,
        tenantId: event.detail.tenantId,
      });
    }
    metrics.addMetric('StreamRecordsRead', MetricUnit.Count, batch.length);
    metrics.addMetric('DomainEventsEmitted', MetricUnit.Count, events.length);
    return events;
  };
}
