import * as z from 'zod';
import { InvalidTriggerEventError } from './errors.ts';

/** A user who has just confirmed their sign-up, as the domain needs them. */
export interface ConfirmedUser {
  readonly userPoolId: string;
  /** Cognito's user name (the `Username` of the Admin APIs). */
  readonly userName: string;
  /** The immutable `sub`, which every token and membership uses as the user id. */
  readonly userId: string;
  /** Lower-cased: invitations are matched by e-mail. */
  readonly email: string;
  readonly displayName: string;
  /** The name the user typed for their team at sign-up, if any (client-writable: untrusted). */
  readonly requestedTenantName: string | null;
}

export type PostConfirmation =
  | { readonly kind: 'sign-up'; readonly user: ConfirmedUser }
  | { readonly kind: 'ignored'; readonly triggerSource: string };

const SIGN_UP = 'PostConfirmation_ConfirmSignUp';
/** A password reset also confirms the user; it must not create anything. */
const FORGOT_PASSWORD = 'PostConfirmation_ConfirmForgotPassword';

const triggerSource = z.object({ triggerSource: z.enum([SIGN_UP, FORGOT_PASSWORD]) });

const signUpEvent = z.object({
  userPoolId: z.string().min(1),
  userName: z.string().min(1),
  request: z.object({
    userAttributes: z.object({
      sub: z.string().min(1),
      email: z.email(),
      name: z.string().optional(),
      'custom:tenant_name': z.string().optional(),
    }),
  }),
});

/** Printable, single-spaced, at most `max` characters; null when nothing is left. */
function cleanText(value: string | undefined, max: number): string | null {
  const cleaned = (value ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
  return cleaned === '' ? null : cleaned;
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);
}

/**
 * Reads a post-confirmation event. A forgotten-password confirmation is ignored; anything
 * other than a well-formed sign-up confirmation is an `InvalidTriggerEventError`.
 */
export function parsePostConfirmation(event: unknown): PostConfirmation {
  const source = triggerSource.safeParse(event);
  if (!source.success) throw new InvalidTriggerEventError(problemsOf(source.error));
  if (source.data.triggerSource === FORGOT_PASSWORD)
    return { kind: 'ignored', triggerSource: FORGOT_PASSWORD };
  const parsed = signUpEvent.safeParse(event);
  if (!parsed.success) throw new InvalidTriggerEventError(problemsOf(parsed.error));
  const { userPoolId, userName, request } = parsed.data;
  const attributes = request.userAttributes;
  const email = attributes.email.toLowerCase();
  const localPart = email.slice(0, email.indexOf('@'));
  return {
    kind: 'sign-up',
    user: {
      userPoolId,
      userName,
      userId: attributes.sub,
      email,
      displayName: cleanText(attributes.name, 100) ?? localPart,
      requestedTenantName: cleanText(attributes['custom:tenant_name'], 100),
    },
  };
}
