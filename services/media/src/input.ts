import * as z from 'zod';
import { BadUserInputError } from './errors.ts';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Ids minted by the data layer are ULIDs; anything else is refused before any table read, with
 * BAD_USER_INPUT naming the argument. Content type and size are checked by the data layer
 * against the one allow-list (`@stratum/data` media types), whose errors name them too.
 */
export function idArgument(value: unknown, field: string): string {
  const parsed = z.string().regex(ULID).safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BadUserInputError(field, `Invalid ${field}: expected a ULID.`);
}
