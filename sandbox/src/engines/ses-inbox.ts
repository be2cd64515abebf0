import { z } from 'zod';

const sentEmailSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  replyTo: z.array(z.string()),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  attachments: z.array(
    z.object({
      content: z.string(),
      contentType: z.string(),
      filename: z.string().optional(),
      size: z.number(),
    }),
  ),
  /** Epoch seconds. */
  at: z.number(),
});

const storeSchema = z.object({ emails: z.array(sentEmailSchema) });

/** One e-mail accepted by SES (v1 `SendEmail`/`SendRawEmail` or v2 `SendEmail`/`SendBulkEmail`). */
export type SentEmail = z.infer<typeof sentEmailSchema>;

export interface WaitForEmailOptions {
  /** @default 5_000 */
  readonly timeoutMs?: number;
}

/**
 * The inbox of aws-ses-v2-local, read through its `/store` JSON endpoint (its web page is the
 * engine's `/`). Nothing is delivered: every accepted e-mail lands here.
 *
 * @example
 * const mail = await ses.inbox.waitForEmail((email) => email.destination.to.includes('ada@example.com'));
 */
export class SesInbox {
  constructor(private readonly endpoint: string) {}

  /** The inbox web page. */
  get pageUrl(): string {
    return `${this.endpoint}/`;
  }

  /** Every e-mail sent so far, oldest first; with `since`, only those sent at or after it (second precision). */
  async emails(options: { since?: Date } = {}): Promise<SentEmail[]> {
    const query = options.since ? `?since=${Math.floor(options.since.getTime() / 1000)}` : '';
    const response = await fetch(`${this.endpoint}/store${query}`);
    if (!response.ok) throw new Error(`SES inbox answered ${response.status} on GET /store`);
    return storeSchema.parse(await response.json()).emails;
  }

  /** Empties the inbox (and forgets e-mail templates). */
  async clear(): Promise<void> {
    const response = await fetch(`${this.endpoint}/clear-store`, { method: 'POST' });
    if (!response.ok) throw new Error(`SES inbox answered ${response.status} on POST /clear-store`);
  }

  /** Polls until an e-mail matches `predicate`; rejects naming the time-out otherwise. */
  async waitForEmail(
    predicate: (email: SentEmail) => boolean,
    options: WaitForEmailOptions = {},
  ): Promise<SentEmail> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = (await this.emails()).find(predicate);
      if (match) return match;
      if (Date.now() > deadline)
        throw new Error(`No matching e-mail reached the SES inbox within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
