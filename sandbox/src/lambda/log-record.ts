/** One line a function wrote on stdout or stderr, tagged for the sandbox console. */
export interface LambdaLogRecord {
  readonly functionName: string;
  /** The invocation in flight when the line was written; absent during init and between invocations. */
  readonly awsRequestId?: string;
  readonly stream: 'stdout' | 'stderr';
  /** Epoch milliseconds at which the runner received the line. */
  readonly timestamp: number;
  /** The line as written, without its line break. */
  readonly message: string;
  /** The line parsed, when it is a JSON object (Powertools Logger output). */
  readonly json?: Readonly<Record<string, unknown>>;
}

/** Where the runner sends every log line of every function, as it arrives. */
export type LambdaLogSink = (record: LambdaLogRecord) => void;

/** Builds the record of one line, parsing structured (JSON object) lines. */
export function toLogRecord(
  functionName: string,
  awsRequestId: string | undefined,
  stream: 'stdout' | 'stderr',
  message: string,
): LambdaLogRecord {
  const json = parseJsonObject(message);
  return {
    functionName,
    ...(awsRequestId ? { awsRequestId } : {}),
    stream,
    timestamp: Date.now(),
    message,
    ...(json ? { json } : {}),
  };
}

function parseJsonObject(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
