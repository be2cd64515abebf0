import { assertStaff, type OperationsContext } from '../context.ts';
import { BadUserInputError } from '../errors.ts';
import type { DeadLetterQueueStatus, RedriveOutcome } from '../queues/dead-letter-operations.ts';
import type { DeadLetterSourceKind } from '../queues/dead-letter-queue-list.ts';
import type { PeekedMessage } from '../queues/message-peek.ts';

type Args = Record<string, unknown>;

const KIND_ENUM: Readonly<Record<DeadLetterSourceKind, string>> = {
  'sqs-queue': 'SQS_QUEUE',
  'lambda-async': 'LAMBDA_ASYNC',
  pipe: 'PIPE',
  'scheduled-job': 'SCHEDULED_JOB',
};

function queueArgument(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
    throw new BadUserInputError('queue', 'Invalid queue: expected the name of a dead-letter queue.');
  }
  return value;
}

/** The GraphQL shape of a queue's status (`DeadLetterQueue`). */
function toQueueView(status: DeadLetterQueueStatus) {
  const { entry } = status;
  return {
    name: entry.name,
    feeds: entry.feeds,
    kind: KIND_ENUM[entry.kind],
    queueArn: entry.queueArn,
    sources: [...(entry.sourceArn ? [entry.sourceArn] : []), ...(entry.functionArns ?? [])],
    approximateDepth: status.approximateDepth,
    approximateInFlight: status.approximateInFlight,
    oldestMessageAgeSeconds: status.oldestMessageAgeSeconds,
    redrive: status.redrive,
    lastMoveTask: status.lastMoveTask,
  };
}

/** Each resolver checks the principal FIRST: a customer gets FORBIDDEN whatever its arguments. */
export const queryResolvers = {
  deadLetterQueues: async (_: unknown, _args: Args, context: OperationsContext) => {
    assertStaff(context);
    return (await context.deadLetters.list()).map(toQueueView);
  },

  deadLetterMessages: (_: unknown, args: Args, context: OperationsContext): Promise<PeekedMessage[]> => {
    assertStaff(context);
    const max = args.max === undefined || args.max === null ? 10 : args.max;
    return context.deadLetters.peek(queueArgument(args.queue), Number(max));
  },
};

export const mutationResolvers = {
  redriveDeadLetters: async (_: unknown, args: Args, context: OperationsContext): Promise<RedriveOutcome> => {
    assertStaff(context);
    const queue = queueArgument(args.queue);
    context.logger.info('Redrive requested', { queue, staffUserId: context.principal.userId });
    return context.deadLetters.redrive(queue);
  },
};
