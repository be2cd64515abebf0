import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DomainEventValidationError, parseDomainEvent } from '@stratum/events';
import { type LambdaHandler, MetricUnit, type Observability } from '@stratum/runtime';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { EmailSender } from './delivery/email-sender.ts';
import type { PushSender } from './delivery/push-sender.ts';
import type { Directory } from './directory.ts';
import { NotificationsError, PoisonMessageError } from './errors.ts';
import { type AppLinks, planNotification } from './plan-notification.ts';
import { renderEmail } from './templates/render-email.ts';

export interface NotificationsHandlerDependencies {
  readonly directory: Directory;
  readonly links: AppLinks;
  readonly sendEmail: EmailSender;
  /** Null when push is disabled (no platform application in this stage). */
  readonly sendPush: PushSender | null;
  /** The idempotency config shared by the senders; told each invocation's remaining time. */
  readonly idempotencyConfig: IdempotencyConfig;
  readonly logger: Observability['logger'];
  readonly metrics: Observability['metrics'];
}

function parseMessage(record: SQSRecord) {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch (error) {
    throw new PoisonMessageError(record.messageId, 'body is not JSON', { cause: error });
  }
  try {
    return parseDomainEvent(body);
  } catch (error) {
    if (error instanceof DomainEventValidationError) {
      throw new PoisonMessageError(record.messageId, error.field, { cause: error });
    }
    throw error;
  }
}

/**
 * The notifications queue's consumer. Each record is one EventBridge event (the rule's SQS
 * target); records are processed independently and only the failed ones are reported
 * (`batchItemFailures`), so SQS redelivers just those. Every failure, poison included, is
 * reported: SQS moves a record to the DLQ after `maxReceiveCount` receives.
 */
export function createNotificationsHandler(
  dependencies: NotificationsHandlerDependencies,
): LambdaHandler<SQSEvent, SQSBatchResponse> {
  const { logger, metrics } = dependencies;
  const processor = new BatchProcessor(EventType.SQS);

  async function notify(record: SQSRecord): Promise<void> {
    const event = parseMessage(record);
    const { eventId, tenantId } = event.detail;
    const context = { messageId: record.messageId, detailType: event.detailType, eventId, tenantId };
    const plan = await planNotification(event, dependencies.directory, dependencies.links);
    if ('skip' in plan) {
      logger.info('Nothing to send', { ...context, reason: plan.skip });
      return;
    }
    if (plan.email) {
      const email = renderEmail(plan.email.template);
      await dependencies.sendEmail({ key: eventId, detailType: event.detailType, to: plan.email.to, email });
      metrics.addMetric('EmailsSent', MetricUnit.Count, 1);
    }
    if (plan.push && dependencies.sendPush) {
      const { delivered } = await dependencies.sendPush(eventId, plan.push);
      metrics.addMetric('PushesSent', MetricUnit.Count, delivered);
    }
    logger.info('Notified', {
      ...context,
      email: plan.email?.template.kind ?? null,
      push: Boolean(plan.push),
    });
  }

  async function handleRecord(record: SQSRecord): Promise<void> {
    try {
      await notify(record);
    } catch (error) {
      const permanent = error instanceof NotificationsError && error.permanent;
      logger.error('Record failed; SQS will redeliver it, then dead-letter it', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        permanent,
        error,
      });
      metrics.addMetric(permanent ? 'PermanentFailures' : 'TransientFailures', MetricUnit.Count, 1);
      throw error;
    }
  }

  return async (event, context) => {
    if (context) dependencies.idempotencyConfig.registerLambdaContext(context);
    // Always answer with the failed ids, even when every record failed, so that each record
    // is counted against its own maxReceiveCount the same way.
    return processPartialResponse(event, handleRecord, processor, { throwOnFullBatchFailure: false });
  };
}
