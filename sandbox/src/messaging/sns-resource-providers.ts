import { CreateTopicCommand, type SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { physicalNameOf } from '../template/physical-names.ts';
import type {
  ProviderRegistry,
  ProvisionContext,
  ProvisionedResource,
} from '../template/resource-provider.ts';

type Properties = Readonly<Record<string, unknown>>;

/** Protocols the engine can deliver to locally; e-mail and SMS need a real recipient. */
const LOCAL_PROTOCOLS = new Set(['sqs', 'lambda', 'http', 'https', 'application']);

/** A subscription the sandbox could not make locally, reported at start. */
export interface SkippedSubscription {
  readonly topicArn: string;
  readonly protocol: string;
  readonly reason: string;
}

/**
 * `AWS::SNS::Topic` and `AWS::SNS::Subscription` in fauxqs. E-mail and SMS subscriptions (alarm
 * notifications) are recorded and reported, not made: there is no one to receive them offline.
 */
export function snsResourceProviders(
  client: SNSClient,
  onSkipped: (skipped: SkippedSubscription) => void = () => {},
): ProviderRegistry {
  const subscribe = async (topicArn: string, protocol: string, endpoint: string, attributes?: Properties) => {
    if (!LOCAL_PROTOCOLS.has(protocol)) {
      onSkipped({ topicArn, protocol, reason: `${protocol} has no local recipient` });
      return `${topicArn}:skipped-${protocol}`;
    }
    const stringAttributes = attributes
      ? Object.fromEntries(
          Object.entries(attributes).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
        )
      : undefined;
    const result = await client.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: protocol,
        Endpoint: endpoint,
        ReturnSubscriptionArn: true,
        ...(stringAttributes && { Attributes: stringAttributes }),
      }),
    );
    return result.SubscriptionArn ?? `${topicArn}:${protocol}`;
  };

  return {
    'AWS::SNS::Topic': {
      async create(
        logicalId: string,
        properties: Properties,
        context: ProvisionContext,
      ): Promise<ProvisionedResource> {
        const fifo = properties.FifoTopic === true || properties.FifoTopic === 'true';
        const generated = physicalNameOf(properties, 'TopicName', logicalId, context, fifo ? 251 : 256);
        const topicName = fifo && !generated.endsWith('.fifo') ? `${generated}.fifo` : generated;
        const created = await client.send(
          new CreateTopicCommand({ Name: topicName, ...(fifo && { Attributes: { FifoTopic: 'true' } }) }),
        );
        const topicArn = created.TopicArn;
        if (!topicArn) throw new Error(`the SNS engine returned no ARN for topic ${topicName}`);
        const inline = Array.isArray(properties.Subscription)
          ? (properties.Subscription as Properties[])
          : [];
        for (const subscription of inline) {
          await subscribe(topicArn, String(subscription.Protocol), String(subscription.Endpoint));
        }
        return { physicalId: topicArn, attributes: { TopicArn: topicArn, TopicName: topicName } };
      },
    },
    'AWS::SNS::Subscription': {
      async create(_logicalId: string, properties: Properties): Promise<ProvisionedResource> {
        const extra: Record<string, unknown> = {};
        for (const key of ['FilterPolicy', 'FilterPolicyScope', 'RawMessageDelivery', 'RedrivePolicy']) {
          if (properties[key] !== undefined) extra[key] = properties[key];
        }
        const arn = await subscribe(
          String(properties.TopicArn),
          String(properties.Protocol),
          String(properties.Endpoint),
          Object.keys(extra).length > 0 ? extra : undefined,
        );
        return { physicalId: arn };
      },
    },
  };
}
