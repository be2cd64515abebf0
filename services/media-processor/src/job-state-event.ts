import * as z from 'zod';
import { InvalidEventError } from './errors.ts';

/**
 * The parts of MediaConvert's "MediaConvert Job State Change" EventBridge event the processor
 * reads. `userMetadata` is what `transcoder.ts` put on the job.
 */
const outputDetailSchema = z.object({
  outputFilePaths: z.array(z.string()).optional(),
  videoDetails: z.object({ widthInPx: z.number().int(), heightInPx: z.number().int() }).partial().optional(),
});

const jobStateEventSchema = z.object({
  source: z.literal('aws.mediaconvert'),
  'detail-type': z.literal('MediaConvert Job State Change'),
  detail: z.object({
    status: z.string(),
    jobId: z.string().min(1),
    userMetadata: z.object({ tenantId: z.string().min(1), mediaId: z.string().min(1) }),
    outputGroupDetails: z
      .array(
        z.object({
          type: z.string().optional(),
          outputDetails: z.array(outputDetailSchema).optional(),
          playlistFilePaths: z.array(z.string()).optional(),
        }),
      )
      .optional(),
    errorCode: z.number().optional(),
    errorMessage: z.string().optional(),
  }),
});

export type JobStateEvent = z.output<typeof jobStateEventSchema>;
export type JobStateDetail = JobStateEvent['detail'];

export function parseJobStateEvent(event: unknown): JobStateEvent {
  const parsed = jobStateEventSchema.safeParse(event);
  if (!parsed.success) {
    throw new InvalidEventError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
