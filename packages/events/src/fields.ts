import * as z from 'zod';

/**
 * Field rules shared by every event. They mirror `@stratum/data`'s input rules (ids never contain
 * `#`, dates are real `YYYY-MM-DD`), so an event can only carry what the table could hold.
 */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _');
export const ulidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');
export const eventIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16-128 letters, digits, - or _');
export const isoTimeSchema = z.iso.datetime({ error: 'must be an ISO-8601 UTC time' });
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'must be a real calendar date');
export const emailSchema = z.email({ error: 'must be an e-mail address' }).max(254);
export const titleSchema = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const displayNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');
export const roleSchema = z.enum(['owner', 'member']);
