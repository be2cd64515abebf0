import type { AnalyticsRepository } from '@stratum/data';
import { DomainEventValidationError, parseDomainEvent } from '@stratum/events';
import { type LambdaHandler, MetricUnit, type Observability } from '@stratum/runtime';
import { counterOf } from './counter-of-event.ts';
import { InvalidAnalyticsEventError } from './errors.ts';

export interface AnalyticsHandlerDependencies {
  /** Called per invocation; the real one builds the store once and caches it. */
  readonly analytics: () => AnalyticsRepository;
  readonly logger: Observability['logger'];
  readonly metrics: Observability['metrics'];
}

export type AnalyticsOutcome = 'counted' | 'duplicate' | 'not-counted';

/**
 * The analytics rule's target: counts one domain event in its tenant's total and UTC-day
 * aggregate, once per event id (the repository's transaction with a marker). A re-delivered or
 * replayed event is a logged no-op.
 */
export function createAnalyticsHandler(
  dependencies: AnalyticsHandlerDependencies,
): LambdaHandler<unknown, { outcome: AnalyticsOutcome }> {
  const { logger, metrics } = dependencies;
  return async (input) => {
    let event: ReturnType<typeof parseDomainEvent>;
    try {
      event = parseDomainEvent(input);
    } catch (error) {
      if (!(error instanceof DomainEventValidationError)) throw error;
      logger.error('Invalid domain event', { field: error.field, reason: error.reason });
      throw new InvalidAnalyticsEventError(error.field, { cause: error });
    }
    const { detailType, detail } = event;
    const context = { detailType, eventId: detail.eventId, tenantId: detail.tenantId };
    const counter = counterOf(detailType);
    if (!counter) {
      logger.warn('Event is not counted; the rule should not route it here', context);
      return { outcome: 'not-counted' };
    }
    const outcome = await dependencies.analytics().count({
      tenantId: detail.tenantId,
      eventId: detail.eventId,
      occurredAt: detail.occurredAt,
      counter,
    });
    if (outcome === 'duplicate') {
      logger.info('Duplicate event: already counted, nothing written', context);
      metrics.addMetric('DuplicateEvents', MetricUnit.Count, 1);
    } else {
      logger.info('Event counted', { ...context, counter });
      metrics.addMetric('EventsCounted', MetricUnit.Count, 1);
    }
    return { outcome };
  };
}
