import * as z from 'zod';
import { ANALYTICS_COUNTERS } from './event-data-contract.ts';
import { dueDateSchema, idSchema } from './validation.ts';

/** Input rules of the event-side repositories (same style and errors as `validation.ts`). */
export const eventIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16-128 letters, digits, - or _');
export const daySchema = dueDateSchema;
export const countedEventSchema = z.object({
  tenantId: idSchema,
  eventId: eventIdSchema,
  occurredAt: z.iso.datetime({ error: 'must be an ISO-8601 UTC time' }),
  counter: z.enum(ANALYTICS_COUNTERS),
});
/** `<consumer>#<id>`: letters, digits, `-`, `_`, `#` (the marker lives in the tenant's partition). */
export const markerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_#-]{1,200}$/, 'must be 1-200 letters, digits, -, _ or #');
export const deviceSchema = z.object({
  userId: idSchema,
  deviceId: idSchema,
  platform: z.enum(['APNS', 'APNS_SANDBOX', 'GCM']),
  endpointArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[^:]+:\d{12}:endpoint\/.+$/, 'must be an SNS endpoint ARN'),
});
export const MAX_ANALYTICS_DAYS = 366;
