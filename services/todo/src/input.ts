import type { NewTodo, TodoPatch, TodoQuery } from '@stratum/data';
import * as z from 'zod';
import { BadUserInputError } from './errors.ts';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A calendar date that exists (2025-02-30 is refused), as YYYY-MM-DD. */
const isoDate = z.iso.date();
const title = z.string().trim().min(1).max(200);
const notes = z.string().max(5000).nullable();
const tags = z.array(z.string().trim().min(1).max(40)).max(20);

const newTodoSchema = z.object({
  title,
  notes: notes.optional(),
  dueDate: isoDate.nullable().optional(),
  tags: tags.nullable().optional(),
});

const todoPatchSchema = z.object({
  title: title.optional(),
  notes: notes.optional(),
  dueDate: isoDate.nullable().optional(),
  tags: tags.optional(),
});

const filterSchema = z.object({
  status: z.enum(['open', 'done']).nullish(),
  dueFrom: isoDate.nullish(),
  dueTo: isoDate.nullish(),
});

/**
 * Validates a value, throwing BAD_USER_INPUT that names the first offending field the way the
 * client wrote it (e.g. `input.title`, `filter.dueFrom`).
 */
function check<T extends z.ZodType>(schema: T, value: unknown, field: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [field, ...(issue?.path ?? []).map(String)].join('.');
  throw new BadUserInputError(path, `Invalid ${path}: ${issue?.message ?? 'invalid value'}.`);
}

/** Ids minted by the data layer are ULIDs; anything else is refused before any table read. */
export function todoIdArgument(value: unknown, field = 'id'): string {
  return check(z.string().regex(ULID, 'expected a ULID'), value, field);
}

export function newTodoArgument(value: unknown): NewTodo {
  const input = check(newTodoSchema, value, 'input');
  return {
    title: input.title,
    notes: input.notes ?? null,
    dueDate: input.dueDate ?? null,
    tags: input.tags ?? [],
  };
}

/** GraphQL distinguishes an omitted field (unchanged) from an explicit null (cleared). */
export function todoPatchArgument(value: unknown): TodoPatch {
  const input = check(todoPatchSchema, value, 'input');
  if (input.title === undefined && !('notes' in input) && !('dueDate' in input) && input.tags === undefined) {
    throw new BadUserInputError('input', 'Invalid input: name at least one field to change.');
  }
  return input;
}

export function expectedVersionArgument(value: unknown): number {
  return check(z.number().int().min(1), value, 'expectedVersion');
}

/** `filter`, `first` and `after` of `todos`, as the data layer's query. */
export function todoQueryArguments(args: { filter?: unknown; first?: unknown; after?: unknown }): TodoQuery {
  const filter = check(filterSchema, args.filter ?? {}, 'filter');
  const limit = check(z.number().int().min(1).max(100), args.first ?? 20, 'first');
  const cursor = check(z.string().min(1).max(2048).nullish(), args.after, 'after');
  if (filter.dueFrom && filter.dueTo && filter.dueFrom > filter.dueTo) {
    throw new BadUserInputError('filter.dueTo', 'Invalid filter.dueTo: must not be before filter.dueFrom.');
  }
  return {
    limit,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.dueFrom ? { dueFrom: filter.dueFrom } : {}),
    ...(filter.dueTo ? { dueTo: filter.dueTo } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
