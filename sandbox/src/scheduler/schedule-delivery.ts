import { randomUUID } from 'node:crypto';
import { sleep } from '../event-sources/abortable-sleep.ts';
import { parseJsonOrText } from '../event-sources/filter-criteria.ts';
import { messageOf } from '../event-sources/poll-loop.ts';
import type { QueueSender } from '../event-sources/queue-sender.ts';
import type { PutEventsRequestEntry, PutEventsResult } from '../events/bus/put-events-entry.ts';
import type { ScheduleDefinition } from './schedule-definition.ts';

/** What Scheduler reaches. Lambda is invoked asynchronously (`Event`): a function error is Lambda's to retry. */
export interface SchedulerDependencies {
  /** Queues an asynchronous invocation; rejects only when it cannot be queued (unknown function). */
  readonly invokeFunction?: (functionArn: string, event: unknown) => Promise<void>;
  readonly putEvents?: (
    entries: readonly PutEventsRequestEntry[],
  ) => PutEventsResult | Promise<PutEventsResult>;
  readonly queues?: QueueSender;
}

export interface ScheduleFiring {
  readonly scheduleArn: string;
  readonly scheduledTime: Date;
}

/** The outcome of one firing, for the console and tests. */
export interface FiringResult extends ScheduleFiring {
  readonly executionId: string;
  readonly attempts: number;
  readonly delivered: boolean;
  readonly error?: string;
  readonly deadLettered: boolean;
}

/** Scheduler's context attributes, substituted in `Input`. */
function withContext(input: string, firing: ScheduleFiring, executionId: string, attempt: number): string {
  return input
    .replaceAll('<aws.scheduler.schedule-arn>', firing.scheduleArn)
    .replaceAll(
      '<aws.scheduler.scheduled-time>',
      firing.scheduledTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    )
    .replaceAll('<aws.scheduler.execution-id>', executionId)
    .replaceAll('<aws.scheduler.attempt-number>', String(attempt));
}

async function send(
  definition: ScheduleDefinition,
  input: string,
  deps: SchedulerDependencies,
): Promise<void> {
  const target = definition.target;
  switch (target.kind) {
    case 'lambda':
      if (deps.invokeFunction === undefined) throw new Error('no Lambda invoker wired');
      return deps.invokeFunction(target.arn, parseJsonOrText(input));
    case 'events': {
      if (deps.putEvents === undefined) throw new Error('no event bus wired');
      const result = await deps.putEvents([
        { EventBusName: target.arn, Source: target.source, DetailType: target.detailType, Detail: input },
      ]);
      const entry = result.Entries[0];
      if (entry !== undefined && 'ErrorCode' in entry)
        throw new Error(`${entry.ErrorCode}: ${entry.ErrorMessage}`);
      return;
    }
    case 'sqs':
      if (deps.queues === undefined) throw new Error('no SQS client wired');
      return deps.queues.send({
        queueArn: target.arn,
        body: input,
        ...(target.messageGroupId !== undefined && {
          messageGroupId: target.messageGroupId,
          messageDeduplicationId: randomUUID(),
        }),
      });
  }
}

/**
 * Delivers one firing: retries a failed call with doubling pauses up to `MaximumRetryAttempts` or
 * `MaximumEventAgeInSeconds`, then sends the input to the dead-letter queue with Scheduler's
 * `ERROR_CODE`, `ERROR_MESSAGE`, `EXECUTION_ID`, `SCHEDULE_ARN`, `TARGET_ARN` attributes.
 */
export async function deliverFiring(
  definition: ScheduleDefinition,
  firing: ScheduleFiring,
  deps: SchedulerDependencies,
  timing: { readonly retryDelayMs: number; readonly maxBackoffMs: number; readonly signal: AbortSignal },
): Promise<FiringResult> {
  const executionId = randomUUID();
  const started = Date.now();
  let attempts = 0;
  let error = '';
  while (!timing.signal.aborted) {
    attempts += 1;
    const input = withContext(definition.target.input ?? '{}', firing, executionId, attempts);
    try {
      await send(definition, input, deps);
      return { ...firing, executionId, attempts, delivered: true, deadLettered: false };
    } catch (failure) {
      error = messageOf(failure);
    }
    const aged = (Date.now() - started) / 1000 >= definition.retry.maximumEventAgeSeconds;
    if (attempts > definition.retry.maximumRetryAttempts || aged) break;
    await sleep(Math.min(timing.retryDelayMs * 2 ** (attempts - 1), timing.maxBackoffMs), timing.signal);
  }
  let deadLettered = false;
  if (definition.deadLetterArn !== undefined && deps.queues !== undefined && !timing.signal.aborted) {
    await deps.queues.send({
      queueArn: definition.deadLetterArn,
      body: withContext(definition.target.input ?? '{}', firing, executionId, attempts),
      attributes: {
        ERROR_CODE: error.split(':')[0] ?? 'Error',
        ERROR_MESSAGE: error,
        EXECUTION_ID: executionId,
        SCHEDULE_ARN: firing.scheduleArn,
        TARGET_ARN: definition.target.arn,
      },
    });
    deadLettered = true;
  }
  return { ...firing, executionId, attempts, delivered: false, error, deadLettered };
}
