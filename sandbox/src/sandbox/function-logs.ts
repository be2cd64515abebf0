import type { LambdaLogRecord } from '../lambda/log-record.ts';

export interface LogQuery {
  readonly functionName?: string;
  /** Lambda's request id (`awsRequestId`). */
  readonly requestId?: string;
  /** The `correlationId` key Powertools Logger lines carry (see `@stratum/runtime`). */
  readonly correlationId?: string;
  /** Newest first, at most this many. @default 200 */
  readonly limit?: number;
}

/**
 * The last lines every function wrote, for the console: a bounded ring (oldest lines are dropped
 * first), searchable by function, request id and correlation id.
 */
export class FunctionLogs {
  private readonly records: LambdaLogRecord[] = [];

  constructor(private readonly capacity = 5_000) {}

  readonly sink = (record: LambdaLogRecord): void => {
    this.records.push(record);
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity);
  };

  query(query: LogQuery = {}): LambdaLogRecord[] {
    const limit = query.limit ?? 200;
    const found: LambdaLogRecord[] = [];
    for (let i = this.records.length - 1; i >= 0 && found.length < limit; i--) {
      const record = this.records[i];
      if (record && matches(record, query)) found.push(record);
    }
    return found;
  }
}

function matches(record: LambdaLogRecord, query: LogQuery): boolean {
  if (query.functionName && record.functionName !== query.functionName) return false;
  if (
    query.requestId &&
    record.awsRequestId !== query.requestId &&
    record.json?.function_request_id !== query.requestId
  ) {
    return false;
  }
  if (query.correlationId && record.json?.correlationId !== query.correlationId) return false;
  return true;
}
