import type {
  BusEvent,
  ConsoleDataSource,
  LogEntry,
  LogQuery,
  QueueMessage,
  QueueSummary,
  ResourceRecord,
  SentEmail,
} from '../console/index.ts';
import type { SesInbox } from '../engines/index.ts';
import type { EventBusEmulator } from '../events/bus/index.ts';
import type { SandboxQueue } from '../messaging/sqs-resource-providers.ts';
import type { DeployedStack } from '../template/index.ts';
import type { FunctionLogs } from './function-logs.ts';

export interface SandboxConsoleSources {
  readonly stacks: () => readonly DeployedStack[];
  readonly logs: FunctionLogs;
  readonly bus: EventBusEmulator;
  readonly queues: () => readonly SandboxQueue[];
  /** fauxqs's own URL: its `/_fauxqs/queues/<name>` inspection route peeks without receiving. */
  readonly fauxqsUrl: string;
  readonly inbox: SesInbox;
}

interface InspectedMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentTimestamp?: number;
  readonly approximateReceiveCount?: number;
}
interface InspectedQueue {
  readonly messages: {
    readonly ready: InspectedMessage[];
    readonly delayed: InspectedMessage[];
    readonly inflight: { readonly message: InspectedMessage }[];
  };
}

const queueNameOf = (url: string) => url.split('/').pop() ?? url;

/** The console's view of the running sandbox: every list is read live, nothing is consumed. */
export function sandboxConsoleData(sources: SandboxConsoleSources): ConsoleDataSource {
  const inspect = async (queue: SandboxQueue): Promise<InspectedQueue | undefined> => {
    const response = await fetch(
      `${sources.fauxqsUrl}/_fauxqs/queues/${encodeURIComponent(queueNameOf(queue.queueUrl))}`,
    );
    return response.ok ? ((await response.json()) as InspectedQueue) : undefined;
  };
  const deadLetterArns = () =>
    new Set(sources.queues().flatMap((q) => (q.deadLetterTargetArn ? [q.deadLetterTargetArn] : [])));

  return {
    resources(): ResourceRecord[] {
      return sources.stacks().flatMap((stack) =>
        [...stack.resources.values()].map((resource) => ({
          stack: stack.stackName,
          logicalId: resource.logicalId,
          type: resource.type,
          ...(resource.physicalId !== undefined && { physicalId: resource.physicalId }),
          status: resource.status === 'not-emulated' ? 'not emulated' : resource.status,
        })),
      );
    },
    logs(query: LogQuery): LogEntry[] {
      return sources.logs.query(query);
    },
    events(limit: number): BusEvent[] {
      return [...sources.bus.recentEvents()]
        .reverse()
        .slice(0, limit)
        .map((event) => ({
          eventBusName: event.busName,
          id: event.envelope.id,
          receivedAt: event.ingestionTime.getTime(),
          source: event.envelope.source,
          detailType: event.envelope['detail-type'],
          detail: event.envelope.detail,
          matchedRules: [],
        }));
    },
    async queues(): Promise<QueueSummary[]> {
      const dlqs = deadLetterArns();
      return Promise.all(
        sources.queues().map(async (queue) => {
          const inspected = await inspect(queue);
          return {
            name: queueNameOf(queue.queueUrl),
            url: queue.queueUrl,
            visibleMessages: inspected?.messages.ready.length ?? 0,
            inFlightMessages: inspected?.messages.inflight.length ?? 0,
            isDeadLetterQueue: dlqs.has(queue.queueArn),
            ...(queue.deadLetterTargetArn && { deadLetterTargetArn: queue.deadLetterTargetArn }),
          };
        }),
      );
    },
    async queueMessages(url: string): Promise<QueueMessage[] | undefined> {
      const queue = sources.queues().find((q) => q.queueUrl === url);
      if (!queue) return undefined;
      const inspected = await inspect(queue);
      if (!inspected) return undefined;
      const { ready, delayed, inflight } = inspected.messages;
      return [...ready, ...delayed, ...inflight.map((entry) => entry.message)].map((message) => ({
        messageId: message.messageId,
        body: message.body,
        ...(message.sentTimestamp !== undefined && { sentAt: message.sentTimestamp }),
        ...(message.approximateReceiveCount !== undefined && {
          receiveCount: message.approximateReceiveCount,
        }),
      }));
    },
    async emails(): Promise<SentEmail[]> {
      const emails = await sources.inbox.emails();
      return emails.reverse().map((email) => ({
        id: email.messageId,
        sentAt: email.at * 1000,
        from: email.from,
        to: email.destination.to,
        subject: email.subject,
        ...(email.body.text !== undefined && { text: email.body.text }),
        ...(email.body.html !== undefined && { html: email.body.html }),
      }));
    },
  };
}
