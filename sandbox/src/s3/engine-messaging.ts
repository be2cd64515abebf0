import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { NotificationDestinations } from './notification-dispatcher.ts';

export interface EngineMessagingOptions {
  /** fauxqs's endpoint: it serves SQS and SNS next to S3. */
  readonly endpoint: string;
  readonly region: string;
}

/** `arn:aws:sqs:<region>:<account>:<name>` → its parts. */
function queueOf(arn: string): { region: string; account: string; name: string } {
  const [, , service, region, account, name] = arn.split(':');
  if (service !== 'sqs' || region === undefined || account === undefined || name === undefined) {
    throw new Error(`${arn} is not an SQS queue ARN`);
  }
  return { region, account, name };
}

/**
 * Notification delivery to queues and topics of the S3 engine's neighbour services (fauxqs SQS and
 * SNS), through the AWS SDK as S3 would call them.
 *
 * @example
 * ```ts
 * const messaging = engineMessaging({ endpoint: fauxqs.address, region: 'eu-west-1' });
 * new NotificationDispatcher({ destinations: { ...messaging, invokeFunction }, region, accountId });
 * ```
 */
export function engineMessaging(
  options: EngineMessagingOptions,
): Required<Pick<NotificationDestinations, 'sendMessage' | 'publish'>> & { close(): void } {
  const settings = {
    endpoint: options.endpoint,
    credentials: { accessKeyId: 'stratum-sandbox', secretAccessKey: 'stratum-sandbox' },
  };
  const sqsClients = new Map<string, SQSClient>();
  const sqsIn = (region: string): SQSClient => {
    const existing = sqsClients.get(region);
    if (existing !== undefined) return existing;
    const client = new SQSClient({ ...settings, region });
    sqsClients.set(region, client);
    return client;
  };
  const sns = new SNSClient({ ...settings, region: options.region });
  const queueUrls = new Map<string, Promise<string>>();
  const queueUrl = (arn: string): Promise<string> => {
    const cached = queueUrls.get(arn);
    if (cached !== undefined) return cached;
    const { region, account, name } = queueOf(arn);
    const lookup = sqsIn(region)
      .send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }))
      .then((answer) => answer.QueueUrl ?? Promise.reject(new Error(`no URL for queue ${arn}`)));
    lookup.catch(() => queueUrls.delete(arn));
    queueUrls.set(arn, lookup);
    return lookup;
  };
  return {
    async sendMessage(queueArn, body) {
      const url = await queueUrl(queueArn);
      await sqsIn(queueOf(queueArn).region).send(
        new SendMessageCommand({ QueueUrl: url, MessageBody: body }),
      );
    },
    async publish(topicArn, message, subject) {
      await sns.send(new PublishCommand({ TopicArn: topicArn, Message: message, Subject: subject }));
    },
    close() {
      for (const client of sqsClients.values()) client.destroy();
      sns.destroy();
    },
  };
}
