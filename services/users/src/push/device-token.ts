import * as z from 'zod';
import { BadUserInputError } from '../errors.ts';
import type { PushService } from './push-service.ts';

/**
 * APNs device tokens are hexadecimal (32 bytes today; Apple asks not to hard-code the length),
 * FCM registration tokens are URL-safe base64 with a `:` separator (about 160 characters today).
 * The bounds leave room for growth while refusing text that is plainly not a token.
 */
const TOKEN_RULES: Readonly<Record<PushService, z.ZodType<string>>> = {
  APNS: z
    .string()
    .trim()
    .regex(/^[0-9A-Fa-f]+$/, 'an APNs device token is hexadecimal (0-9, a-f)')
    .min(64, 'an APNs device token has at least 64 hex digits')
    .max(200, 'an APNs device token has at most 200 hex digits')
    .refine((token) => token.length % 2 === 0, 'an APNs device token has an even number of hex digits')
    // SNS matches endpoints by exact token: one spelling per device.
    .transform((token) => token.toLowerCase()),
  FCM: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_:-]+$/, 'an FCM registration token has only letters, digits, -, _ and :')
    .min(32, 'an FCM registration token has at least 32 characters')
    .max(4096, 'an FCM registration token has at most 4096 characters'),
};

/** The device token for `service`, normalised; a BAD_USER_INPUT error naming `token` otherwise. */
export function deviceTokenArgument(service: PushService, value: unknown): string {
  const parsed = TOKEN_RULES[service].safeParse(value);
  if (!parsed.success) {
    throw new BadUserInputError('token', `Invalid token: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}
