import * as z from 'zod';
import { MediaConvertBadRequestError } from './mediaconvert-errors.ts';

/** `CreateJob`'s body on the wire (REST-JSON, lower-camel names), the fields the emulation reads. */
const createJobRequestSchema = z.looseObject({
  role: z
    .string({ error: 'role is required: the ARN of the IAM role MediaConvert assumes' })
    .regex(
      /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/,
      'role must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)',
    ),
  settings: z.record(z.string(), z.unknown(), { error: 'settings is required' }),
  jobTemplate: z.string().min(1).optional(),
  queue: z.string().min(1).optional(),
  userMetadata: z.record(z.string(), z.string()).optional(),
  clientRequestToken: z.string().min(1).optional(),
  priority: z.number().int().min(-50).max(50).optional(),
});

export type CreateJobRequest = z.output<typeof createJobRequestSchema>;

/** Parses a `CreateJob` body; every problem in one `BadRequestException`, as MediaConvert answers. */
export function parseCreateJobRequest(body: unknown): CreateJobRequest {
  const parsed = createJobRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new MediaConvertBadRequestError(
    parsed.error.issues.map((issue) => `/${issue.path.map(String).join('/')}: ${issue.message}`),
  );
}
