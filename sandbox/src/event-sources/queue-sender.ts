import { GetQueueUrlCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** One message for an SQS queue named by its ARN (on-failure destinations, DLQs, SQS targets). */
export interface QueueMessage {
  readonly queueArn: string;
  readonly body: string;
  /** String message attributes (Scheduler's DLQ puts its error code and message there). */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
}

export interface QueueSender {
  send(message: QueueMessage): Promise<void>;
}

/** The queue name of an SQS ARN (`arn:aws:sqs:<region>:<account>:<name>`). */
export function queueNameOf(queueArn: string): string {
  const parts = queueArn.split(':');
  const name = parts[5];
  if (parts.length !== 6 || parts[2] !== 'sqs' || name === undefined || name === '') {
    throw new Error(`"${queueArn}" is not an SQS queue ARN`);
  }
  return name;
}

/**
 * Resolves queue ARNs to URLs once (GetQueueUrl) and caches them, then sends with SendMessage.
 *
 * @example
 * ```ts
 * const sender = new SqsQueueSender(new SQSClient({ endpoint }));
 * await sender.send({ queueArn, body: '{"hello":"world"}' });
 * ```
 */
export class SqsQueueSender implements QueueSender {
  readonly #urls = new Map<string, string>();

  constructor(private readonly client: SQSClient) {}

  async urlOf(queueArn: string, signal?: AbortSignal): Promise<string> {
    const known = this.#urls.get(queueArn);
    if (known !== undefined) return known;
    const { QueueUrl } = await this.client.send(
      new GetQueueUrlCommand({ QueueName: queueNameOf(queueArn) }),
      signal === undefined ? {} : { abortSignal: signal },
    );
    if (QueueUrl === undefined) throw new Error(`the SQS engine returned no URL for ${queueArn}`);
    this.#urls.set(queueArn, QueueUrl);
    return QueueUrl;
  }

  async send(message: QueueMessage): Promise<void> {
    const QueueUrl = await this.urlOf(message.queueArn);
    const attributes = Object.entries(message.attributes ?? {});
    await this.client.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: message.body,
        ...(attributes.length > 0 && {
          MessageAttributes: Object.fromEntries(
            attributes.map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
          ),
        }),
        ...(message.messageGroupId !== undefined && { MessageGroupId: message.messageGroupId }),
        ...(message.messageDeduplicationId !== undefined && {
          MessageDeduplicationId: message.messageDeduplicationId,
        }),
      }),
    );
  }
}
