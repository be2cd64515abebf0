import * as z from 'zod';
import { BadUserInputError } from './errors.ts';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

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
