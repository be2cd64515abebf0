import * as z from 'zod';
import { MEDIA_CONTENT_TYPES, mediaTypeOf } from './media-types.ts';
import { ulidSchema } from './validation.ts';

/** Rules for media input at the repository boundary (the shared ones are in `validation.ts`). */
export const newMediaSchema = z
  .object({
    todoId: ulidSchema,
    contentType: z
      .string()
      .refine(
        (value) => mediaTypeOf(value) !== undefined,
        `must be one of ${MEDIA_CONTENT_TYPES.join(', ')}`,
      ),
    size: z.number().int().min(1, 'must be at least 1 byte'),
  })
  .superRefine((input, context) => {
    const type = mediaTypeOf(input.contentType);
    if (type && input.size > type.maxBytes) {
      context.addIssue({
        code: 'custom',
        path: ['size'],
        message: `must be at most ${type.maxBytes} bytes for ${type.contentType}`,
      });
    }
  });

const renditionSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be 1-32 lower-case letters, digits or -'),
  key: z.string().min(1).max(1024),
  contentType: z.string().min(1).max(100),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
});

export const mediaChangeSchema = z.object({
  status: z.enum(['pending', 'processing', 'ready', 'failed']).optional(),
  failureReason: z.string().trim().min(1).max(1000).nullable().optional(),
  size: z.number().int().min(0).nullable().optional(),
  renditions: z.array(renditionSchema).max(20).optional(),
  originalETag: z.string().min(1).max(256).nullable().optional(),
  jobId: z.string().min(1).max(256).nullable().optional(),
});
