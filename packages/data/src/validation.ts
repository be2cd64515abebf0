import * as z from 'zod';
import { DataValidationError } from './errors.ts';

/**
 * Input rules enforced at the repository boundary, whatever layer calls it. Ids may not contain
 * `#` (the key separator), so no input can address a key outside its own tenant.
 */
const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _');
export const ulidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be an e-mail address' }))
  .transform((email) => email.toLowerCase());
export const dueDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isRealDate, 'must be a real calendar date');

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const notes = z.string().max(5000, 'must be at most 5000 characters').nullable();
const tags = z
  .array(z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'))
  .max(20, 'must be at most 20 tags');

export const scopeSchema = z.object({ tenantId: idSchema, userId: idSchema });
export const newTodoSchema = z.object({
  title,
  notes: notes.optional(),
  dueDate: dueDateSchema.nullable().optional(),
  tags: tags.optional(),
});
export const todoPatchSchema = z.object({
  title: title.optional(),
  notes: notes.optional(),
  dueDate: dueDateSchema.nullable().optional(),
  tags: tags.optional(),
});
export const statusSchema = z.enum(['open', 'done']);
export const roleSchema = z.enum(['owner', 'member']);
export const versionSchema = z.number().int().min(1);
export const limitSchema = z.number().int().min(1, 'must be 1-100').max(100, 'must be 1-100').default(20);
export const todoQuerySchema = z
  .object({
    status: statusSchema.optional(),
    dueFrom: dueDateSchema.optional(),
    dueTo: dueDateSchema.optional(),
    limit: limitSchema,
    cursor: z.string().optional(),
  })
  .refine((q) => !q.dueFrom || !q.dueTo || q.dueFrom <= q.dueTo, {
    path: ['dueTo'],
    message: 'must not be before dueFrom',
  });
export const pageQuerySchema = z.object({ limit: limitSchema, cursor: z.string().optional() });
export const tenantNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/** Parses `value` or throws a DataValidationError naming the first bad field (`field.path`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [field, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  throw new DataValidationError(path, issue?.message ?? 'invalid');
}
