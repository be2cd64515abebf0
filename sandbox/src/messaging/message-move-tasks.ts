import { randomUUID } from 'node:crypto';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { sleep } from '../event-sources/abortable-sleep.ts';

export type MoveTaskStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

/** An SQS API error the front answers with (`code` is the SQS error code). */
export class MoveTaskApiError extends Error {
  override readonly name = 'MoveTaskApiError';
  constructor(
    readonly code: 'ResourceNotFoundException' | 'InvalidParameterValue' | 'UnsupportedOperation',
    message: string,
  ) {
    super(message);
  }
}

interface MoveTask {
  readonly taskHandle: string;
  readonly sourceArn: string;
  readonly destinationArn: string;
  readonly maxPerSecond: number | undefined;
  readonly startedTimestamp: number;
  readonly toMove: number;
  moved: number;
  status: MoveTaskStatus;
  failureReason?: string;
  readonly abort: AbortController;
  done?: Promise<void>;
}

const HISTORY_PER_QUEUE = 10;

/**
 * SQS message move tasks (DLQ redrive, `StartMessageMoveTask` and friends), which fauxqs lacks,
 * run against the engine with ordinary SQS calls: receive from the DLQ, send to the destination
 * with the same body and attributes, delete. As in SQS: the source must be a dead-letter queue of
 * some queue; without `DestinationArn` the destination is the queue whose redrive policy names the
 * source (fauxqs records no per-message origin, so a DLQ shared by several queues needs one);
 * one running task per source; the number to move is the depth when the task starts.
 */
export class MessageMoveTasks {
  readonly #tasks: MoveTask[] = [];

  constructor(private readonly sqs: SQSClient) {}

  async start(input: {
    SourceArn?: unknown;
    DestinationArn?: unknown;
    MaxNumberOfMessagesPerSecond?: unknown;
  }): Promise<{ TaskHandle: string }> {
    const sourceArn = requiredArn(input.SourceArn, 'SourceArn');
    const sourceUrl = await this.#urlOf(sourceArn);
    if (this.#tasks.some((task) => task.sourceArn === sourceArn && task.status === 'RUNNING')) {
      throw new MoveTaskApiError(
        'UnsupportedOperation',
        'There is already a task running. Only one active task is allowed for each source queue arn at a given time.',
      );
    }
    const feeding = await this.#queuesFeeding(sourceArn);
    if (feeding.length === 0) {
      throw new MoveTaskApiError(
        'InvalidParameterValue',
        `Source queue ${sourceArn} is not a dead-letter queue.`,
      );
    }
    const destinationArn =
      input.DestinationArn === undefined ? feeding[0] : requiredArn(input.DestinationArn, 'DestinationArn');
    if (destinationArn === undefined || (input.DestinationArn === undefined && feeding.length > 1)) {
      throw new MoveTaskApiError(
        'InvalidParameterValue',
        `Several queues use ${sourceArn} as their dead-letter queue; give DestinationArn.`,
      );
    }
    const destinationUrl = await this.#urlOf(destinationArn);
    const perSecond = input.MaxNumberOfMessagesPerSecond;
    if (
      perSecond !== undefined &&
      (!Number.isInteger(perSecond) || Number(perSecond) < 1 || Number(perSecond) > 500)
    ) {
      throw new MoveTaskApiError(
        'InvalidParameterValue',
        'MaxNumberOfMessagesPerSecond must be from 1 to 500.',
      );
    }
    const { Attributes = {} } = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: sourceUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    const taskId = randomUUID();
    const task: MoveTask = {
      taskHandle: Buffer.from(JSON.stringify({ taskId, sourceArn })).toString('base64'),
      sourceArn,
      destinationArn,
      maxPerSecond: perSecond === undefined ? undefined : Number(perSecond),
      startedTimestamp: Date.now(),
      toMove: Number(Attributes.ApproximateNumberOfMessages ?? 0),
      moved: 0,
      status: 'RUNNING',
      abort: new AbortController(),
    };
    this.#tasks.unshift(task);
    this.#trim(sourceArn);
    task.done = this.#run(task, sourceUrl, destinationUrl);
    return { TaskHandle: task.taskHandle };
  }

  async list(input: { SourceArn?: unknown; MaxResults?: unknown }) {
    const sourceArn = requiredArn(input.SourceArn, 'SourceArn');
    await this.#urlOf(sourceArn);
    const max = input.MaxResults === undefined ? 1 : Number(input.MaxResults);
    if (!Number.isInteger(max) || max < 1 || max > 10) {
      throw new MoveTaskApiError('InvalidParameterValue', 'MaxResults must be from 1 to 10.');
    }
    const results = this.#tasks
      .filter((task) => task.sourceArn === sourceArn)
      .slice(0, max)
      .map((task) => ({
        ...(task.status === 'RUNNING' ? { TaskHandle: task.taskHandle } : {}),
        Status: task.status,
        SourceArn: task.sourceArn,
        DestinationArn: task.destinationArn,
        ...(task.maxPerSecond === undefined ? {} : { MaxNumberOfMessagesPerSecond: task.maxPerSecond }),
        ApproximateNumberOfMessagesMoved: task.moved,
        ApproximateNumberOfMessagesToMove: task.toMove,
        ...(task.failureReason ? { FailureReason: task.failureReason } : {}),
        StartedTimestamp: task.startedTimestamp,
      }));
    return { Results: results };
  }

  async cancel(input: { TaskHandle?: unknown }): Promise<{ ApproximateNumberOfMessagesMoved: number }> {
    const task = this.#tasks.find((candidate) => candidate.taskHandle === input.TaskHandle);
    if (!task) throw new MoveTaskApiError('ResourceNotFoundException', 'The task handle does not exist.');
    if (task.status !== 'RUNNING') {
      throw new MoveTaskApiError('UnsupportedOperation', `The task is ${task.status}, not RUNNING.`);
    }
    task.status = 'CANCELLING';
    task.abort.abort();
    await task.done;
    return { ApproximateNumberOfMessagesMoved: task.moved };
  }

  /** Stops every running task (the sandbox is stopping); moved messages stay moved. */
  async close(): Promise<void> {
    const running = this.#tasks.filter((task) => task.status === 'RUNNING');
    for (const task of running) {
      task.status = 'CANCELLING';
      task.abort.abort();
    }
    await Promise.all(running.map((task) => task.done));
  }

  async #run(task: MoveTask, sourceUrl: string, destinationUrl: string): Promise<void> {
    const { signal } = task.abort;
    try {
      while (!signal.aborted && task.moved < task.toMove) {
        const batchStart = Date.now();
        const { Messages = [] } = await this.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: sourceUrl,
            MaxNumberOfMessages: Math.min(10, task.toMove - task.moved, task.maxPerSecond ?? 10),
            VisibilityTimeout: 30,
            MessageAttributeNames: ['All'],
          }),
        );
        if (Messages.length === 0) break;
        for (const message of Messages) {
          await this.sqs.send(
            new SendMessageCommand({
              QueueUrl: destinationUrl,
              MessageBody: message.Body ?? '',
              ...(message.MessageAttributes
                ? { MessageAttributes: attributesOf(message.MessageAttributes) }
                : {}),
            }),
          );
          await this.sqs.send(
            new DeleteMessageCommand({ QueueUrl: sourceUrl, ReceiptHandle: message.ReceiptHandle }),
          );
          task.moved += 1;
        }
        if (task.maxPerSecond !== undefined) {
          await sleep(1000 - (Date.now() - batchStart), signal);
        }
      }
      task.status = task.status === 'CANCELLING' ? 'CANCELLED' : 'COMPLETED';
    } catch (error) {
      task.status = 'FAILED';
      task.failureReason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }

  /** The ARNs of the queues whose redrive policy names `deadLetterArn`. */
  async #queuesFeeding(deadLetterArn: string): Promise<string[]> {
    const { QueueUrls = [] } = await this.sqs.send(new ListQueuesCommand({ MaxResults: 1000 }));
    const feeding: string[] = [];
    for (const url of QueueUrls) {
      const { Attributes = {} } = await this.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn', 'RedrivePolicy'] }),
      );
      if (!Attributes.RedrivePolicy || !Attributes.QueueArn) continue;
      const policy = JSON.parse(Attributes.RedrivePolicy) as { deadLetterTargetArn?: string };
      if (policy.deadLetterTargetArn === deadLetterArn) feeding.push(Attributes.QueueArn);
    }
    return feeding;
  }

  async #urlOf(queueArn: string): Promise<string> {
    const name = queueArn.split(':')[5] ?? '';
    try {
      const { QueueUrl } = await this.sqs.send(new GetQueueUrlCommand({ QueueName: name }));
      if (QueueUrl) return QueueUrl;
    } catch {
      // Reported below, as SQS does.
    }
    throw new MoveTaskApiError(
      'ResourceNotFoundException',
      `The resource that you specified for the SourceArn or DestinationArn parameter doesn't exist: ${queueArn}`,
    );
  }

  #trim(sourceArn: string): void {
    const ofSource = this.#tasks.filter((task) => task.sourceArn === sourceArn);
    for (const old of ofSource.slice(HISTORY_PER_QUEUE)) this.#tasks.splice(this.#tasks.indexOf(old), 1);
  }
}

function requiredArn(value: unknown, parameter: string): string {
  if (typeof value !== 'string' || !/^arn:[^:]+:sqs:[^:]*:[^:]*:[^:]+$/.test(value)) {
    throw new MoveTaskApiError('InvalidParameterValue', `${parameter} must be an SQS queue ARN.`);
  }
  return value;
}

/** Received attributes carry no empty lists; SendMessage refuses them when present and empty. */
function attributesOf(
  received: Record<string, MessageAttributeValue>,
): Record<string, MessageAttributeValue> {
  const attributes: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(received)) {
    attributes[name] = {
      DataType: value.DataType,
      ...(value.StringValue !== undefined ? { StringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { BinaryValue: value.BinaryValue } : {}),
    };
  }
  return attributes;
}
