import type { InvocationResult } from '../invocation.ts';

/** Lambda returns at most the last 4 KB of an invocation's log with `X-Amz-Log-Type: Tail`. */
const TAIL_BYTES = 4096;

/**
 * The `X-Amz-Log-Result` header: the invocation's log as Lambda writes it to CloudWatch
 * (START, the function's lines, END, REPORT), its last 4 KB, base64.
 */
export function tailLog(result: InvocationResult, memoryMb: number): string {
  const id = result.awsRequestId;
  const report = [
    `REPORT RequestId: ${id}`,
    `Duration: ${result.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.ceil(result.durationMs + (result.initDurationMs ?? 0))} ms`,
    `Memory Size: ${memoryMb} MB`,
    ...(result.initDurationMs === undefined ? [] : [`Init Duration: ${result.initDurationMs.toFixed(2)} ms`]),
  ].join('\t');
  const text = [
    `START RequestId: ${id} Version: ${result.executedVersion}`,
    ...result.logs.map((record) => record.message),
    `END RequestId: ${id}`,
    report,
    '',
  ].join('\n');
  const bytes = Buffer.from(text);
  return bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('base64');
}
