import type { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { EmailRejectedError } from '../errors.ts';
import type { RenderedEmail } from '../templates/layout.ts';

/** SES errors a retry cannot fix; anything else (throttling, 5xx, network) is retried by SQS. */
const PERMANENT_SES_ERRORS = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'BadRequestException',
  'NotFoundException',
]);

export interface EmailSenderOptions {
  readonly ses: SESv2Client;
  /** Verified sender identity, e.g. `Stratum <no-reply@example.com>`. */
  readonly from: string;
  readonly configurationSet?: string;
  readonly persistence: BasePersistenceLayer;
  readonly config: IdempotencyConfig;
}

interface EmailDelivery {
  readonly key: string;
  readonly detailType: string;
  readonly to: string;
  readonly email: RenderedEmail;
}

export type EmailSender = (delivery: EmailDelivery) => Promise<{ messageId: string }>;

/**
 * Sends one e-mail per `key` (the event id): a second call with the same key returns the first
 * call's result without calling SES. A failed send leaves no record, so the retry sends.
 */
export function createEmailSender(options: EmailSenderOptions): EmailSender {
  const send = async (delivery: EmailDelivery) => {
    try {
      const { MessageId } = await options.ses.send(
        new SendEmailCommand({
          FromEmailAddress: options.from,
          Destination: { ToAddresses: [delivery.to] },
          Content: {
            Simple: {
              Subject: { Data: delivery.email.subject, Charset: 'UTF-8' },
              Body: {
                Html: { Data: delivery.email.html, Charset: 'UTF-8' },
                Text: { Data: delivery.email.text, Charset: 'UTF-8' },
              },
            },
          },
          EmailTags: [{ Name: 'event', Value: delivery.detailType }],
          ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
        }),
      );
      return { messageId: MessageId ?? '' };
    } catch (error) {
      if (error instanceof Error && PERMANENT_SES_ERRORS.has(error.name)) {
        throw new EmailRejectedError(delivery.key, error.name, { cause: error });
      }
      throw error;
    }
  };
  return makeIdempotent(send, { persistenceStore: options.persistence, config: options.config });
}
