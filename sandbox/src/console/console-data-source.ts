import type { LambdaLogRecord } from '../lambda/log-record.ts';

/** One resource of a deployed stack, as the template engine handled it. */
export interface ResourceRecord {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  /** Absent when the resource was skipped (false `Condition`) or failed. */
  readonly physicalId?: string;
  readonly status: 'created' | 'not emulated' | 'skipped' | 'failed';
  /** Why it is not emulated, skipped or failed. */
  readonly detail?: string;
}

export interface LogQuery {
  readonly functionName?: string;
  /** Lambda's request id (`awsRequestId`). */
  readonly requestId?: string;
  /** The `correlationId` key of Powertools Logger lines. */
  readonly correlationId?: string;
  /** Newest first, at most this many. */
  readonly limit: number;
}

export type LogEntry = LambdaLogRecord;

/** An event a bus accepted, with the rules it matched. */
export interface BusEvent {
  readonly eventBusName: string;
  readonly id: string;
  /** Epoch milliseconds at which the bus accepted it. */
  readonly receivedAt: number;
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
  readonly matchedRules: readonly string[];
}

export interface QueueSummary {
  readonly name: string;
  readonly url: string;
  readonly visibleMessages: number;
  readonly inFlightMessages: number;
  /** The queue other queues send their failed messages to. */
  readonly isDeadLetterQueue: boolean;
  /** This queue's DLQ (its `RedrivePolicy.deadLetterTargetArn`), if it has one. */
  readonly deadLetterTargetArn?: string;
}

export interface QueueMessage {
  readonly messageId: string;
  readonly body: string;
  /** Epoch milliseconds. */
  readonly sentAt?: number;
  readonly receiveCount?: number;
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface SentEmail {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly sentAt: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text?: string;
  readonly html?: string;
}

/**
 * Everything the console shows, read through one interface so the console never reaches into
 * the engines itself. The sandbox implements it against the running emulators; tests use
 * `InMemoryConsoleData`. Every method returns plain JSON-serialisable data; reading queue
 * messages must not consume them (a peek).
 */
export interface ConsoleDataSource {
  resources(): Promise<readonly ResourceRecord[]> | readonly ResourceRecord[];
  logs(query: LogQuery): Promise<readonly LogEntry[]> | readonly LogEntry[];
  /** Newest first, at most `limit`. */
  events(limit: number): Promise<readonly BusEvent[]> | readonly BusEvent[];
  queues(): Promise<readonly QueueSummary[]> | readonly QueueSummary[];
  /** `undefined` when no queue has this URL. */
  queueMessages(
    url: string,
  ): Promise<readonly QueueMessage[] | undefined> | readonly QueueMessage[] | undefined;
  /** Newest first. */
  emails(): Promise<readonly SentEmail[]> | readonly SentEmail[];
}
