import { MAX_ANALYTICS_DAYS } from '@stratum/data';
import * as z from 'zod';
import { BadUserInputError } from './errors.ts';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Ids the data layer accepts in keys: tenant ids, user ids (the sign-in `sub`), device ids. */
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Validates one argument, throwing a BAD_USER_INPUT error that names it. */
function check<T extends z.ZodType>(schema: T, value: unknown, field: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadUserInputError(field, `Invalid ${field}: ${issue?.message ?? 'invalid value'}.`);
  }
  return parsed.data;
}

/** Ids minted by the data layer are ULIDs; anything else is refused before any table read. */
export function ulidArgument(value: unknown, field: string): string {
  return check(z.string().regex(ULID, 'expected a ULID'), value, field);
}

/** A tenant, user or device id: 1-64 letters, digits, `-` or `_` (it becomes part of a table key). */
export function keyIdArgument(value: unknown, field: string): string {
  return check(z.string().regex(KEY_ID, 'expected 1-64 letters, digits, - or _'), value, field);
}

function isRealDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDay, 'not a calendar date');

/**
 * An inclusive range of UTC days, `from` ≤ `to`, bounded so that one staff read cannot ask for
 * years of daily items.
 */
export function dayRangeArguments(args: { from?: unknown; to?: unknown }): { from: string; to: string } {
  const from = check(daySchema, args.from, 'from');
  const to = check(daySchema, args.to, 'to');
  if (to < from) throw new BadUserInputError('to', 'Invalid to: must not be before from.');
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_ANALYTICS_DAYS) {
    throw new BadUserInputError('to', `Invalid to: the range may span at most ${MAX_ANALYTICS_DAYS} days.`);
  }
  return { from, to };
}

export function emailArgument(value: unknown, field: string): string {
  return check(z.string().trim().toLowerCase().pipe(z.email().max(320)), value, field);
}

export function displayNameArgument(value: unknown, field: string): string {
  return check(z.string().trim().min(1).max(100), value, field);
}

export function tenantNameArgument(value: unknown, field: string): string {
  return check(z.string().trim().min(1).max(100), value, field);
}

/** `first`/`after` of a connection, as the data layer's `limit`/`cursor`. */
export function pageArguments(args: { first?: unknown; after?: unknown }): {
  limit: number;
  cursor?: string;
} {
  const limit = check(z.number().int().min(1).max(100), args.first ?? 20, 'first');
  const cursor = check(z.string().min(1).max(2048).nullish(), args.after, 'after');
  return cursor ? { limit, cursor } : { limit };
}
