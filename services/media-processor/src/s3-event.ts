import * as z from 'zod';
import { InvalidEventError } from './errors.ts';

/** The parts of an S3 event notification record the processor reads. */
const recordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({ key: z.string().min(1), size: z.number().int().nonnegative().optional() }),
  }),
});

const eventSchema = z.object({ Records: z.array(recordSchema) });

export interface CreatedObject {
  readonly bucket: string;
  /** Decoded: S3 sends keys URL-encoded, with spaces as `+`. */
  readonly key: string;
}

/** The ObjectCreated records of an S3 event notification (others, like s3:TestEvent, are skipped). */
export function createdObjectsOf(event: unknown): CreatedObject[] {
  if (
    typeof event === 'object' &&
    event !== null &&
    (event as { Event?: unknown }).Event === 's3:TestEvent'
  ) {
    return [];
  }
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    throw new InvalidEventError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data.Records.filter((record) => record.eventName.startsWith('ObjectCreated:')).map(
    (record) => ({
      bucket: record.s3.bucket.name,
      key: decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')),
    }),
  );
}
