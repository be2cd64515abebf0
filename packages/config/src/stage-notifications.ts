import { ConfigError, type ConfigIssue } from './config-error.ts';
import type { NotificationSettings } from './schema.ts';

/** How a stage sends e-mail and push, with every default applied. */
export interface ResolvedNotifications {
  /** The SES identity (domain or address) the stage sends from and creates. */
  readonly emailIdentity: string;
  /** The From address, inside `emailIdentity`; may carry a display name. */
  readonly senderAddress: string;
  /** Origin of the public web app, without a trailing slash. */
  readonly appUrl: string;
  /** The SNS platform application for mobile push; absent when push is disabled. */
  readonly pushPlatformApplicationArn?: string;
}

/**
 * Applies the defaults of the `notifications` settings for a stage serving on `domain`: the
 * identity is the domain, the sender `no-reply@<identity>`, the app `https://<domain>`. Throws a
 * {@link ConfigError} naming `path` when the sender is not inside the identity, because SES would
 * refuse every message (and the function's IAM policy allows that identity and sender only).
 *
 * @example
 * ```ts
 * resolveNotifications({}, 'dev.example.com', 'stages.dev.notifications');
 * // { emailIdentity: 'dev.example.com', senderAddress: 'no-reply@dev.example.com', appUrl: 'https://dev.example.com' }
 * ```
 */
export function resolveNotifications(
  settings: NotificationSettings,
  domain: string,
  path: string,
): ResolvedNotifications {
  const emailIdentity = settings.emailIdentity ?? domain;
  const identityIsAddress = emailIdentity.includes('@');
  const senderAddress =
    settings.senderAddress ?? (identityIsAddress ? emailIdentity : `no-reply@${emailIdentity}`);
  const sender = bareAddress(senderAddress).toLowerCase();
  const inside = identityIsAddress
    ? sender === emailIdentity.toLowerCase()
    : sender.slice(sender.lastIndexOf('@') + 1) === emailIdentity.toLowerCase();
  if (!inside) {
    const issue: ConfigIssue = {
      path: `${path}.senderAddress`,
      message: `"${senderAddress}" is not inside the SES identity "${emailIdentity}": SES sends only from a verified identity; set emailIdentity to the sender's domain or change the sender`,
    };
    throw new ConfigError([issue]);
  }
  return {
    emailIdentity,
    senderAddress,
    appUrl: (settings.appUrl ?? `https://${domain}`).replace(/\/+$/, ''),
    ...(settings.pushPlatformApplicationArn && {
      pushPlatformApplicationArn: settings.pushPlatformApplicationArn,
    }),
  };
}

/** `Acme <no-reply@example.com>` -> `no-reply@example.com`. */
function bareAddress(address: string): string {
  return /<([^>]+)>/.exec(address)?.[1] ?? address.trim();
}
