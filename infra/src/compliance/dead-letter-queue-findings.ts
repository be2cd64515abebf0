import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges the two findings every dead-letter queue raises: both packs want a queue to
 * have a redrive policy, and a DLQ is the end of the line by design. Its depth is watched
 * by an alarm instead.
 */
export function acknowledgeDeadLetterQueue(queue: IConstruct): void {
  const reason =
    'This queue is a dead-letter queue: the last stop of failed messages, so it has no DLQ itself.';
  Validations.of(queue).acknowledge(
    { id: 'AwsSolutions::AwsSolutions-SQS3', reason },
    { id: 'Serverless::Serverless-SQSRedrivePolicy', reason },
  );
}
