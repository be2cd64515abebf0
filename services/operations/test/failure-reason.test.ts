import { describe, expect, it } from 'vitest';
import { failureReasonOf, redrivableEventOf } from '../src/queues/failure-reason.ts';
import { ANALYTICS_FUNCTION_ARN, domainEvent, lambdaFailureRecord } from './support/queues.ts';

describe('failure reasons', () => {
  it('reads the attributes EventBridge and Scheduler add to a dead letter', () => {
    const attributes = { ERROR_CODE: 'SQSError', ERROR_MESSAGE: 'Access denied', RETRY_ATTEMPTS: '8' };
    expect(failureReasonOf('{}', attributes, {})).toEqual({
      code: 'SQSError',
      message: 'Access denied',
      attempts: 9,
    });
  });

  it('reads the function error of a Lambda on-failure record, and a pipe’s condition', () => {
    expect(failureReasonOf(lambdaFailureRecord(domainEvent('e-1')), {}, {})).toEqual({
      code: 'TransactionCanceledException',
      message: 'Transaction cancelled',
      attempts: 3,
    });
    const pipe = JSON.stringify({
      context: {
        condition: 'RetryAttemptsExhausted',
        errorMessage: 'enrichment failed',
        approximateInvokeCount: 4,
      },
      DDBStreamBatchInfo: { shardId: 's' },
    });
    expect(failureReasonOf(pipe, {}, {})).toEqual({
      code: 'RetryAttemptsExhausted',
      message: 'enrichment failed',
      attempts: 4,
    });
  });

  it('names the source queue of an SQS redrive, and says nothing when nothing says why', () => {
    const system = { DeadLetterQueueSourceArn: 'arn:aws:sqs:eu-west-1:111122223333:notifications-queue' };
    expect(failureReasonOf('hello', {}, system)?.message).toContain('notifications-queue');
    expect(failureReasonOf('hello', {}, {})).toBeNull();
  });

  it('recovers the original event and its function from a record or a dead-lettered event', () => {
    expect(redrivableEventOf(lambdaFailureRecord(domainEvent('e-1')), {})).toEqual({
      event: domainEvent('e-1'),
      functionArn: ANALYTICS_FUNCTION_ARN,
    });
    expect(
      redrivableEventOf(JSON.stringify(domainEvent('e-2')), { TARGET_ARN: `${ANALYTICS_FUNCTION_ARN}` }),
    ).toEqual({
      event: domainEvent('e-2'),
      functionArn: ANALYTICS_FUNCTION_ARN,
    });
    expect(redrivableEventOf(JSON.stringify(domainEvent('e-3')), {})).toEqual({ event: domainEvent('e-3') });
    expect(redrivableEventOf('not json', {})).toBeUndefined();
    expect(redrivableEventOf(JSON.stringify({ context: { condition: 'x' } }), {})).toBeUndefined();
  });
});
