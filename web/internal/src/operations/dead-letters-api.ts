import type { GraphqlClient } from '@stratum/web-shared';
import * as z from 'zod';

const moveTaskSchema = z.object({
  status: z.enum(['RUNNING', 'COMPLETED', 'CANCELLING', 'CANCELLED', 'FAILED']),
  approximateNumberOfMessagesMoved: z.number(),
  approximateNumberOfMessagesToMove: z.number().nullable(),
  failureReason: z.string().nullable(),
  startedAt: z.string(),
});
export type MoveTask = z.infer<typeof moveTaskSchema>;

const queueSchema = z.object({
  name: z.string(),
  feeds: z.string(),
  kind: z.string(),
  approximateDepth: z.number(),
  approximateInFlight: z.number(),
  oldestMessageAgeSeconds: z.number().nullable(),
  redrive: z.object({
    mode: z.enum(['MOVE_TO_SOURCE', 'REINVOKE_FUNCTION', 'NONE']),
    explanation: z.string(),
  }),
  lastMoveTask: moveTaskSchema.nullable(),
});
export type DeadLetterQueue = z.infer<typeof queueSchema>;

const messageSchema = z.object({
  messageId: z.string(),
  body: z.string(),
  sentAt: z.string(),
  receiveCount: z.number(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  failure: z
    .object({ code: z.string().nullable(), message: z.string().nullable(), attempts: z.number().nullable() })
    .nullable(),
});
export type DeadLetterMessage = z.infer<typeof messageSchema>;

const redriveSchema = z.object({
  mode: z.enum(['MOVE_TO_SOURCE', 'REINVOKE_FUNCTION', 'NONE']),
  reinvoked: z.number(),
  skipped: z.number(),
  summary: z.string(),
  moveTask: moveTaskSchema.nullable(),
});
export type RedriveResult = z.infer<typeof redriveSchema>;

const MOVE_TASK_FIELDS =
  'status approximateNumberOfMessagesMoved approximateNumberOfMessagesToMove failureReason startedAt';

/** The staff-only fields of the operations subgraph. */
export class DeadLettersApi {
  constructor(private readonly api: GraphqlClient) {}

  async queues(): Promise<DeadLetterQueue[]> {
    const data = await this.api.request(
      `query DeadLetterQueues {
        deadLetterQueues {
          name feeds kind approximateDepth approximateInFlight oldestMessageAgeSeconds
          redrive { mode explanation } lastMoveTask { ${MOVE_TASK_FIELDS} }
        }
      }`,
      {},
      z.object({ deadLetterQueues: z.array(queueSchema) }),
    );
    return data.deadLetterQueues;
  }

  async messages(queue: string): Promise<DeadLetterMessage[]> {
    const data = await this.api.request(
      `query DeadLetterMessages($queue: String!) {
        deadLetterMessages(queue: $queue, max: 10) {
          messageId body sentAt receiveCount attributes { name value } failure { code message attempts }
        }
      }`,
      { queue },
      z.object({ deadLetterMessages: z.array(messageSchema) }),
    );
    return data.deadLetterMessages;
  }

  async redrive(queue: string): Promise<RedriveResult> {
    const data = await this.api.request(
      `mutation RedriveDeadLetters($queue: String!) {
        redriveDeadLetters(queue: $queue) { mode reinvoked skipped summary moveTask { ${MOVE_TASK_FIELDS} } }
      }`,
      { queue },
      z.object({ redriveDeadLetters: redriveSchema }),
    );
    return data.redriveDeadLetters;
  }
}

/** "45 s", "12 min", "3 h", "2 d": how long the oldest message has waited. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}
