import type { BusObserver } from './bus-observer.ts';
import { TargetDeliveryError } from './errors.ts';
import type { BusEvent } from './event-envelope.ts';
import type { EventRule } from './event-rule.ts';
import { type RetrySchedule, retryDelayMs, sleep } from './retry-schedule.ts';
import type { RuleTarget } from './rule-target.ts';
import type { SqsMessage } from './target-dispatcher.ts';
import { renderTargetInput } from './target-input.ts';

/** One event for one target of one matched rule. */
export interface DeliveryJob {
  readonly event: BusEvent;
  readonly rule: EventRule;
  readonly target: RuleTarget;
}

export interface DeliveryDependencies {
  /** Sends a rendered payload to the target's service; rejects when the target refuses it. */
  readonly send: (target: RuleTarget, payload: string, event: BusEvent) => Promise<void>;
  /** Sends a dead letter; `undefined` when no SQS dispatcher is wired. */
  readonly sendDeadLetter: ((message: SqsMessage) => Promise<void>) | undefined;
  readonly schedule: RetrySchedule;
  readonly observe: BusObserver;
}

type Exhausted = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds' | undefined;

function describe(error: unknown): { code: string; message: string; retryable: boolean } {
  if (error instanceof TargetDeliveryError)
    return { code: error.code, message: error.message, retryable: error.retryable };
  if (error instanceof Error)
    return {
      code: error.name === 'Error' ? 'SDK_CLIENT_ERROR' : error.name,
      message: error.message,
      retryable: true,
    };
  return { code: 'SDK_CLIENT_ERROR', message: String(error), retryable: true };
}

/**
 * Delivers with EventBridge's retry semantics: retries with back-off until the target accepts,
 * `MaximumRetryAttempts` retries are spent, or the next try would come after
 * `MaximumEventAgeInSeconds`; errors that are not retryable stop at once. Then the original
 * event goes to the target's DLQ with `RULE_ARN`, `TARGET_ARN`, `ERROR_CODE`, `ERROR_MESSAGE`,
 * `EXHAUSTED_RETRY_CONDITION` and `RETRY_ATTEMPTS`; without a DLQ it is dropped. The event's
 * age is simulated time (dispatch time plus back-off before scaling), so a scaled-down schedule
 * gives the same outcome as the real one.
 */
export async function deliverToTarget(job: DeliveryJob, deps: DeliveryDependencies): Promise<void> {
  const { event, rule, target } = job;
  const payload = renderTargetInput(target.input, {
    event: event.envelope,
    ruleArn: rule.arn,
    ruleName: rule.name,
    ingestionTime: event.ingestionTime,
  });
  const { maximumRetryAttempts, maximumEventAgeSeconds } = target.retryPolicy;
  let ageMs = 0;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const started = performance.now();
    let failure: ReturnType<typeof describe>;
    try {
      await deps.send(target, payload, event);
      deps.observe({ type: 'delivery-succeeded', event, ruleArn: rule.arn, targetArn: target.arn, attempts });
      return;
    } catch (error) {
      failure = describe(error);
    }
    ageMs += performance.now() - started;
    const retries = attempts - 1;
    let exhausted: Exhausted;
    if (failure.retryable) {
      const delay = retryDelayMs(deps.schedule, retries);
      if (retries >= maximumRetryAttempts) exhausted = 'MaximumRetryAttempts';
      else if (ageMs + delay > maximumEventAgeSeconds * 1000) exhausted = 'MaximumEventAgeInSeconds';
      else {
        await sleep(delay * deps.schedule.timeFactor);
        ageMs += delay;
        continue;
      }
    }
    await giveUp(job, deps, { ...failure, attempts, exhausted });
    return;
  }
}

async function giveUp(
  { event, rule, target }: DeliveryJob,
  deps: DeliveryDependencies,
  failure: { code: string; message: string; attempts: number; exhausted: Exhausted },
): Promise<void> {
  const base = {
    type: 'delivery-failed',
    event,
    ruleArn: rule.arn,
    targetArn: target.arn,
    attempts: failure.attempts,
    errorCode: failure.code,
    errorMessage: failure.message,
  } as const;
  const deadLetterArn = target.deadLetterArn;
  if (deadLetterArn === undefined || deps.sendDeadLetter === undefined) {
    deps.observe({ ...base, outcome: 'dropped' });
    return;
  }
  try {
    await deps.sendDeadLetter({
      queueArn: deadLetterArn,
      body: JSON.stringify(event.envelope),
      messageAttributes: {
        RULE_ARN: rule.arn,
        TARGET_ARN: target.arn,
        ERROR_CODE: failure.code,
        ERROR_MESSAGE: failure.message,
        ...(failure.exhausted === undefined ? {} : { EXHAUSTED_RETRY_CONDITION: failure.exhausted }),
        RETRY_ATTEMPTS: String(failure.attempts - 1),
      },
    });
    deps.observe({ ...base, outcome: { deadLetterArn } });
  } catch (error) {
    const dlq = describe(error);
    deps.observe({
      ...base,
      errorMessage: `${failure.message}; the DLQ refused the event too: ${dlq.message}`,
      outcome: 'dropped',
    });
  }
}
