import {
  ListMessageMoveTasksCommand,
  type ListMessageMoveTasksResultEntry,
  type SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { MoveTaskRunningError } from '../errors.ts';
import type { DeadLetterQueueEntry } from './dead-letter-queue-list.ts';

export type MoveTaskStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

export interface MoveTask {
  readonly taskHandle: string | null;
  readonly status: MoveTaskStatus;
  readonly destinationArn: string | null;
  readonly approximateNumberOfMessagesMoved: number;
  readonly approximateNumberOfMessagesToMove: number | null;
  readonly failureReason: string | null;
  readonly startedAt: string;
}

const STATUSES: readonly string[] = ['RUNNING', 'COMPLETED', 'CANCELLING', 'CANCELLED', 'FAILED'];

/** The latest move task of the queue (SQS lists the tasks of the last 14 days, newest first). */
export async function latestMoveTask(sqs: SQSClient, queue: DeadLetterQueueEntry): Promise<MoveTask | null> {
  const { Results = [] } = await sqs.send(
    new ListMessageMoveTasksCommand({ SourceArn: queue.queueArn, MaxResults: 1 }),
  );
  const [latest] = Results;
  return latest ? toMoveTask(latest) : null;
}

/**
 * Starts a message move task from the DLQ to its source queue. SQS runs one task per source
 * queue; a running one is reported as a CONFLICT rather than started twice. The destination is
 * named explicitly: messages EventBridge dead-lettered never came from the source queue, and
 * SQS cannot send them "back" without it.
 */
export async function startMoveToSource(sqs: SQSClient, queue: DeadLetterQueueEntry): Promise<MoveTask> {
  const current = await latestMoveTask(sqs, queue);
  if (current?.status === 'RUNNING' || current?.status === 'CANCELLING') {
    throw new MoveTaskRunningError(queue.name, current.taskHandle ?? undefined);
  }
  const destinationArn = queue.sourceArn ?? null;
  const started = await sqs.send(
    new StartMessageMoveTaskCommand({
      SourceArn: queue.queueArn,
      ...(destinationArn ? { DestinationArn: destinationArn } : {}),
    }),
  );
  return (
    (await latestMoveTask(sqs, queue)) ?? {
      taskHandle: started.TaskHandle ?? null,
      status: 'RUNNING',
      destinationArn,
      approximateNumberOfMessagesMoved: 0,
      approximateNumberOfMessagesToMove: null,
      failureReason: null,
      startedAt: new Date().toISOString(),
    }
  );
}

function toMoveTask(entry: ListMessageMoveTasksResultEntry): MoveTask {
  const status = STATUSES.includes(entry.Status ?? '') ? (entry.Status as MoveTaskStatus) : 'FAILED';
  return {
    taskHandle: entry.TaskHandle ?? null,
    status,
    destinationArn: entry.DestinationArn ?? null,
    approximateNumberOfMessagesMoved: entry.ApproximateNumberOfMessagesMoved ?? 0,
    approximateNumberOfMessagesToMove: entry.ApproximateNumberOfMessagesToMove ?? null,
    failureReason: entry.FailureReason ?? null,
    startedAt: new Date(entry.StartedTimestamp ?? 0).toISOString(),
  };
}
