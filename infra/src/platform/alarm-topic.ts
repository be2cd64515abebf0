import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeDeadLetterQueue } from '../compliance/dead-letter-queue-findings.ts';

export interface AlarmTopicProps {
  /** Addresses that receive every alarm of the stage. */
  readonly emails: readonly string[];
  /**
   * Key that encrypts the topic.
   * @default a new customer-managed key with rotation
   */
  readonly key?: kms.IKey;
}

/**
 * The SNS topic every alarm of a stage notifies. Encrypted with a customer-managed key,
 * TLS-only (`enforceSSL`), and open to CloudWatch alarms through the key policy.
 */
export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;
  readonly key: kms.IKey;
  /** Notifications SNS could not deliver to a subscriber, kept 14 days for inspection. */
  readonly deliveryFailures: sqs.Queue;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.key =
      props.key ??
      new kms.Key(this, 'Key', {
        description: 'Encrypts the alarm topic of this stage',
        enableKeyRotation: true,
        pendingWindow: Duration.days(7),
      });
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Stratum alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    // CloudWatch publishes alarm notifications with its service principal, which must be able
    // to use the key of an encrypted topic.
    this.key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    this.deliveryFailures = new sqs.Queue(this, 'DeliveryFailures', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeDeadLetterQueue(this.deliveryFailures);
    for (const email of props.emails) {
      this.topic.addSubscription(
        new subscriptions.EmailSubscription(email, { deadLetterQueue: this.deliveryFailures }),
      );
    }
  }
}
