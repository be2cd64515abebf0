import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../events/bus/event-envelope.ts';
import { eventTime } from '../events/bus/event-envelope.ts';
import type { MediaConvertLocation } from './mediaconvert-arns.ts';
import type { MediaConvertJob } from './mediaconvert-job.ts';

/**
 * The "MediaConvert Job State Change" event for the job's current status, shaped as AWS documents
 * it (PROGRESSING: the basic job details; COMPLETE: plus `outputGroupDetails` with every file's S3
 * path; ERROR: plus `errorCode` and `errorMessage`).
 */
export function jobStateChangeEvent(
  job: MediaConvertJob,
  location: MediaConvertLocation,
  now: Date = new Date(),
): EventEnvelope {
  const detail: Record<string, unknown> = {
    timestamp: now.getTime(),
    accountId: location.account,
    queue: job.queue,
    jobId: job.id,
    status: job.status,
    userMetadata: job.userMetadata,
  };
  if (job.status === 'COMPLETE') {
    detail.warnings = [];
    detail.outputGroupDetails = job.outputGroupDetails ?? [];
  }
  if (job.status === 'ERROR') {
    detail.errorCode = job.errorCode;
    detail.errorMessage = job.errorMessage;
  }
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'MediaConvert Job State Change',
    source: 'aws.mediaconvert',
    account: location.account,
    time: eventTime(now),
    region: location.region,
    resources: [job.arn],
    detail,
  };
}
