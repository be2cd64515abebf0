import * as z from 'zod';

/** What feeds a dead-letter queue; see `redrive-policy.ts` for what a redrive means for each. */
export const DEAD_LETTER_SOURCE_KINDS = ['sqs-queue', 'lambda-async', 'pipe', 'scheduled-job'] as const;
export type DeadLetterSourceKind = (typeof DEAD_LETTER_SOURCE_KINDS)[number];

const arn = (service: string) =>
  z.string().regex(new RegExp(`^arn:[a-z-]+:${service}:[a-z0-9-]+:\\d{12}:.+$`), `an ${service} ARN`);

const functionArn = z
  .string()
  .regex(
    /^arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+$/,
    'an unqualified Lambda function ARN',
  );

/** One entry of `DEAD_LETTER_QUEUES`, written by infra (OperationsStack). */
export const deadLetterQueueEntrySchema = z
  .object({
    /** The friendly name staff use (`notifications`), unique in the list. */
    name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
    /** What ends up in the queue, in a sentence. */
    feeds: z.string().min(1).max(300),
    kind: z.enum(DEAD_LETTER_SOURCE_KINDS),
    queueUrl: z.url(),
    queueArn: arn('sqs'),
    /** The queue (sqs-queue) or pipe (pipe) feeding it. */
    sourceArn: z.string().min(1).optional(),
    /** The functions whose failures it holds (lambda-async, scheduled-job); a DLQ may serve several. */
    functionArns: z.array(functionArn).min(1).max(10).optional(),
  })
  .superRefine((entry, context) => {
    if (entry.kind === 'sqs-queue' && !/^arn:[a-z-]+:sqs:/.test(entry.sourceArn ?? '')) {
      context.addIssue({
        code: 'custom',
        path: ['sourceArn'],
        message: 'an sqs-queue queue needs the ARN of the queue it redrives to',
      });
    }
    if (entry.kind === 'lambda-async' && !entry.functionArns) {
      context.addIssue({
        code: 'custom',
        path: ['functionArns'],
        message: 'a lambda-async queue needs the ARNs of the functions it re-invokes',
      });
    }
  });

export type DeadLetterQueueEntry = z.output<typeof deadLetterQueueEntrySchema>;

/**
 * The `DEAD_LETTER_QUEUES` environment variable: a JSON array of entries with unique names.
 * The subgraph operates these queues and no other (its role is granted on exactly these).
 */
export const deadLetterQueueListSchema = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(deadLetterQueueEntrySchema)
      .min(1)
      .max(50)
      .refine((entries) => new Set(entries.map((entry) => entry.name)).size === entries.length, {
        message: 'queue names must be unique',
      }),
  );

/** The allow-list, looked up by friendly name. */
export class DeadLetterQueueList {
  private readonly byName: ReadonlyMap<string, DeadLetterQueueEntry>;

  constructor(readonly entries: readonly DeadLetterQueueEntry[]) {
    this.byName = new Map(entries.map((entry) => [entry.name, entry]));
  }

  find(name: string): DeadLetterQueueEntry | undefined {
    return this.byName.get(name);
  }
}
