import type {
  BusEvent,
  ConsoleDataSource,
  LogEntry,
  LogQuery,
  QueueMessage,
  QueueSummary,
  ResourceRecord,
  SentEmail,
} from './console-data-source.ts';

/**
 * A `ConsoleDataSource` over plain arrays, for tests and for previewing the console without a
 * sandbox. Logs are filtered like the sandbox's `FunctionLogs` (function, request id or the
 * Powertools `function_request_id`, correlation id; newest first).
 */
export class InMemoryConsoleData implements ConsoleDataSource {
  readonly resourceList: ResourceRecord[] = [];
  readonly logList: LogEntry[] = [];
  readonly eventList: BusEvent[] = [];
  readonly queueList: { summary: QueueSummary; messages: QueueMessage[] }[] = [];
  readonly emailList: SentEmail[] = [];

  resources(): readonly ResourceRecord[] {
    return this.resourceList;
  }

  logs(query: LogQuery): readonly LogEntry[] {
    const found: LogEntry[] = [];
    for (let i = this.logList.length - 1; i >= 0 && found.length < query.limit; i--) {
      const entry = this.logList[i];
      if (entry && matches(entry, query)) found.push(entry);
    }
    return found;
  }

  events(limit: number): readonly BusEvent[] {
    return this.eventList.slice(-limit).reverse();
  }

  queues(): readonly QueueSummary[] {
    return this.queueList.map((queue) => queue.summary);
  }

  queueMessages(url: string): readonly QueueMessage[] | undefined {
    return this.queueList.find((queue) => queue.summary.url === url)?.messages;
  }

  emails(): readonly SentEmail[] {
    return [...this.emailList].reverse();
  }
}

function matches(entry: LogEntry, query: LogQuery): boolean {
  if (query.functionName && entry.functionName !== query.functionName) return false;
  if (
    query.requestId &&
    entry.awsRequestId !== query.requestId &&
    entry.json?.function_request_id !== query.requestId
  ) {
    return false;
  }
  return !query.correlationId || entry.json?.correlationId === query.correlationId;
}
