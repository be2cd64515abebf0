import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueNameExists,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { physicalNameOf } from '../template/physical-names.ts';
import type {
  ProviderRegistry,
  ProvisionContext,
  ProvisionedResource,
} from '../template/resource-provider.ts';

type Properties = Readonly<Record<string, unknown>>;

/** A queue the sandbox created, for the console (contents) and event-source mappings. */
export interface SandboxQueue {
  readonly logicalId: string;
  readonly stackName: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  /** The DLQ's ARN when the template gives a redrive policy. */
  readonly deadLetterTargetArn?: string;
}

/** Template properties that are queue attributes of the same name, as strings. */
const PLAIN_ATTRIBUTES = [
  'DelaySeconds',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ReceiveMessageWaitTimeSeconds',
  'VisibilityTimeout',
  'FifoQueue',
  'ContentBasedDeduplication',
  'DeduplicationScope',
  'FifoThroughputLimit',
] as const;

/** SQS attributes of an `AWS::SQS::Queue` (encryption settings have no local meaning and are left out). */
export function queueAttributes(properties: Properties): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const name of PLAIN_ATTRIBUTES) {
    const value = properties[name];
    if (value !== undefined) attributes[name] = String(value);
  }
  for (const name of ['RedrivePolicy', 'RedriveAllowPolicy'] as const) {
    const value = properties[name];
    if (value !== undefined) attributes[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return attributes;
}

/**
 * `AWS::SQS::Queue` in fauxqs. `Ref` is the queue URL and `Arn` the engine's own ARN, so that redrive
 * policies and event-source mappings that reference it work against the engine. A queue kept from a
 * previous start is found again and its attributes updated to the template's.
 */
export function sqsResourceProviders(
  client: SQSClient,
  onQueue: (queue: SandboxQueue) => void = () => {},
): ProviderRegistry {
  return {
    'AWS::SQS::Queue': {
      async create(
        logicalId: string,
        properties: Properties,
        context: ProvisionContext,
      ): Promise<ProvisionedResource> {
        const fifo = properties.FifoQueue === true || properties.FifoQueue === 'true';
        const generated = physicalNameOf(properties, 'QueueName', logicalId, context, fifo ? 75 : 80);
        const queueName = fifo && !generated.endsWith('.fifo') ? `${generated}.fifo` : generated;
        const attributes = queueAttributes(properties);
        const queueUrl = await createOrUpdate(client, queueName, attributes);
        const found = await client.send(
          new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
        );
        const queueArn = found.Attributes?.QueueArn;
        if (!queueArn) throw new Error(`the SQS engine returned no ARN for queue ${queueName}`);
        const redrive = attributes.RedrivePolicy
          ? (JSON.parse(attributes.RedrivePolicy) as { deadLetterTargetArn?: string })
          : undefined;
        onQueue({
          logicalId,
          stackName: context.stack.stackName,
          queueUrl,
          queueArn,
          ...(redrive?.deadLetterTargetArn && { deadLetterTargetArn: redrive.deadLetterTargetArn }),
        });
        return {
          physicalId: queueUrl,
          attributes: { Arn: queueArn, QueueName: queueName, QueueUrl: queueUrl },
        };
      },
    },
  };
}

async function createOrUpdate(client: SQSClient, queueName: string, attributes: Record<string, string>) {
  try {
    const created = await client.send(
      new CreateQueueCommand({ QueueName: queueName, Attributes: attributes }),
    );
    if (!created.QueueUrl) throw new Error(`the SQS engine returned no URL for queue ${queueName}`);
    return created.QueueUrl;
  } catch (error) {
    // The queue exists from a previous start with other attributes: keep its messages, take the new settings.
    if (!(error instanceof QueueNameExists)) throw error;
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: queueName }));
    if (!QueueUrl) throw error;
    const { FifoQueue: _immutable, ...mutable } = attributes;
    await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: mutable }));
    return QueueUrl;
  }
}
